package org.heard.report;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionTest {
    private final Suppression suppression = new Suppression(new ReportConfiguration(4, 10, 10, "section-11-staff", "voice-of-the-child", "practitioner-feedback",
            java.time.Duration.ZERO));

    @Test
    void suppressesCountsFromOneToTheThresholdAndShowsTrueZeros() {
        assertEquals("0", suppression.count(0).text());
        for (int n = 1; n <= 4; n++) {
            assertTrue(suppression.count(n).suppressed());
            assertNull(suppression.count(n).value());
            assertEquals("c", suppression.count(n).text());
        }
        assertEquals(Cell.shown(5), suppression.count(5));
    }

    @Test
    void hidesASecondCellSoTheFirstCannotBeWorkedOutFromTheRowTotal() {
        SuppressedTable t = suppression.table(new long[][] {{3, 20, 30}, {10, 11, 12}});
        assertTrue(t.cell(0, 0).suppressed());
        assertTrue(t.cell(0, 1).suppressed(), "the smallest other cell in the row is hidden too");
        assertFalse(t.cell(0, 2).suppressed());
        // and down the columns: column 0 and column 1 each need a second hidden cell
        assertTrue(t.cell(1, 0).suppressed());
        assertTrue(t.cell(1, 1).suppressed());
        assertEquals(Cell.shown(86), t.grandTotal());
    }

    /**
     * A property test: for thousands of random tables an attacker who knows every visible cell and
     * total keeps solving any row or column with a single unknown. They must never learn a count
     * that was hidden for being small.
     */
    @Test
    void noHiddenSmallCountCanBeRecoveredFromWhatIsShown() {
        Random random = new Random(20261123);
        for (int trial = 0; trial < 5000; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            long[][] counts = new long[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int kind = random.nextInt(4);
                    counts[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : random.nextInt(60);
                }
            }
            SuppressedTable table = suppression.table(counts);
            Long[][] known = attack(table);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (counts[r][c] == 0) {
                        assertEquals(Cell.shown(0), table.cell(r, c), "a true zero is shown as 0");
                    }
                    if (counts[r][c] >= 1 && counts[r][c] <= 4) {
                        assertTrue(table.cell(r, c).suppressed());
                        assertNull(known[r][c], "trial " + trial + ": recovered a small count at " + r + "," + c);
                    }
                }
            }
        }
    }

    /** What an attacker can deduce: repeatedly fill in any line (row or column, with its total) that has one unknown. */
    private static Long[][] attack(SuppressedTable t) {
        int rows = t.rows();
        int cols = t.cols();
        Long[][] v = new Long[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                v[r][c] = t.cell(r, c).value();
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int r = 0; r <= rows; r++) {
                progress |= solveLine(v, r, -1, cols);
            }
            for (int c = 0; c <= cols; c++) {
                progress |= solveLine(v, -1, c, rows);
            }
        }
        return v;
    }

    private static boolean solveLine(Long[][] v, int row, int col, int last) {
        int unknown = -1;
        int unknowns = 0;
        long sum = 0;
        for (int i = 0; i < last; i++) {
            Long x = row >= 0 ? v[row][i] : v[i][col];
            if (x == null) {
                unknowns++;
                unknown = i;
            } else {
                sum += x;
            }
        }
        Long total = row >= 0 ? v[row][last] : v[last][col];
        if (total == null) {
            if (unknowns == 0) {
                set(v, row, col, last, sum);
                return true;
            }
            return false;
        }
        if (unknowns == 1) {
            set(v, row, col, unknown, total - sum);
            return true;
        }
        return false;
    }

    private static void set(Long[][] v, int row, int col, int i, long value) {
        if (row >= 0) {
            v[row][i] = value;
        } else {
            v[i][col] = value;
        }
    }
}
