package org.heard.report;

/**
 * A table of counts after suppression, with its totals: {@code cell(r, cols())} is row r's total,
 * {@code cell(rows(), c)} column c's total and {@code cell(rows(), cols())} the grand total.
 */
public record SuppressedTable(int rows, int cols, Cell[][] cells) {

    public Cell cell(int row, int col) {
        return cells[row][col];
    }

    public Cell rowTotal(int row) {
        return cells[row][cols];
    }

    public Cell columnTotal(int col) {
        return cells[rows][col];
    }

    public Cell grandTotal() {
        return cells[rows][cols];
    }
}
