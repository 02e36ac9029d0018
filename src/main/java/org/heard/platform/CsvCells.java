package org.heard.platform;

/**
 * Keeps CSV cells from running as spreadsheet formulas. A cell starting with =, +, -, @, tab or
 * carriage return is prefixed with a quote mark on the way out; on the way back in, that quote mark
 * is taken off again, so an export can be re-imported unchanged.
 */
public final class CsvCells {
    private static final String DANGEROUS = "=+-@\t\r";

    private CsvCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && DANGEROUS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && DANGEROUS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
