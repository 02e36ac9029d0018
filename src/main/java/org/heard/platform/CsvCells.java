package org.heard.platform;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Reads CSV with a header line into one map per row (header name to cell, with neutralised
     * formulas restored). A blank line gives an empty map, so row numbers stay true.
     *
     * @throws IllegalArgumentException with words a person can act on, when the file is not CSV or
     *                                  its header lacks a required column
     */
    public static List<Map<String, String>> read(String body, List<String> required) {
        List<String[]> rows;
        try (var reader = new CSVReader(new StringReader(body == null ? "" : body.replace("\uFEFF", "")))) {
            rows = reader.readAll();
        } catch (IOException | CsvException e) {
            throw new IllegalArgumentException("The file is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The file is empty. The first line must be the header: " + String.join(",", required));
        }
        List<String> header = Arrays.stream(rows.getFirst()).map(String::strip).toList();
        List<String> missing = required.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The header is missing " + String.join(", ", missing)
                    + ". It must be: " + String.join(",", required));
        }
        var out = new ArrayList<Map<String, String>>();
        for (String[] row : rows.subList(1, rows.size())) {
            var map = new LinkedHashMap<String, String>();
            if (!(row.length == 1 && row[0].isBlank())) {
                for (int i = 0; i < header.size() && i < row.length; i++) {
                    map.put(header.get(i), restore(row[i]));
                }
            }
            out.add(map);
        }
        return out;
    }
}
