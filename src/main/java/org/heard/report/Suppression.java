package org.heard.report;

import jakarta.inject.Singleton;


/**
 * Statistical disclosure control for every count Heard publishes.
 *
 * <p>Primary suppression hides counts from 1 to the threshold. Secondary suppression then hides
 * enough other cells that no hidden value can be worked out from the totals: in every row and
 * column (totals included) either nothing is hidden or at least two entries are. The complement
 * chosen is the smallest non-zero visible cell, which loses the least information; when none is
 * left, the total itself is hidden.
 */
@Singleton
public class Suppression {
    private final int threshold;

    public Suppression(ReportConfiguration config) {
        this.threshold = config.suppressionThreshold();
    }

    public int threshold() {
        return threshold;
    }

    /** A single count with no totals around it. */
    public Cell count(long n) {
        return isSmall(n) ? Cell.hidden() : Cell.shown(n);
    }

    boolean isSmall(long n) {
        return n >= 1 && n <= threshold;
    }

    /**
     * Suppresses a table of counts published together with its row totals, column totals and grand
     * total.
     */
    public SuppressedTable table(long[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        // Work on the table bordered by its totals: index [rows] is the total row, [cols] the total column.
        long[][] v = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = counts[r][c];
                v[r][cols] += counts[r][c];
                v[rows][c] += counts[r][c];
                v[rows][cols] += counts[r][c];
            }
        }
        boolean[][] hidden = new boolean[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                hidden[r][c] = isSmall(v[r][c]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r <= rows; r++) {
                changed |= protectLine(v[r], hidden[r]);
            }
            for (int c = 0; c <= cols; c++) {
                long[] colValues = new long[rows + 1];
                boolean[] colHidden = new boolean[rows + 1];
                for (int r = 0; r <= rows; r++) {
                    colValues[r] = v[r][c];
                    colHidden[r] = hidden[r][c];
                }
                if (protectLine(colValues, colHidden)) {
                    changed = true;
                    for (int r = 0; r <= rows; r++) {
                        hidden[r][c] = colHidden[r];
                    }
                }
            }
        }
        Cell[][] cells = new Cell[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                cells[r][c] = hidden[r][c] ? Cell.hidden() : Cell.shown(v[r][c]);
            }
        }
        return new SuppressedTable(rows, cols, cells);
    }

    /**
     * One line of the bordered table: the last entry is the line's total. If exactly one entry is
     * hidden it could be recovered by subtraction, so hide one more.
     */
    private static boolean protectLine(long[] values, boolean[] hidden) {
        long count = 0;
        for (boolean h : hidden) {
            count += h ? 1 : 0;
        }
        if (count != 1) {
            return false;
        }
        int best = -1;
        for (int i = 0; i < values.length - 1; i++) {
            if (!hidden[i] && values[i] > 0 && (best < 0 || values[i] < values[best])) {
                best = i;
            }
        }
        if (best < 0) {
            int total = values.length - 1;
            if (hidden[total]) {
                // Only the total is hidden and every cell is a visible zero: nothing is at risk.
                return false;
            }
            best = total;
        }
        hidden[best] = true;
        return true;
    }

    @Override
    public String toString() {
        return "Suppression[threshold=" + threshold + "]";
    }
}
