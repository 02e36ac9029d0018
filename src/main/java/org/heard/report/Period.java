package org.heard.report;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A report's period, from {@code from} to {@code to} inclusive; by default the twelve months to today. */
public record Period(LocalDate from, LocalDate to) {

    /**
     * Reads the period as typed in a report address.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static Period parse(@Nullable String from, @Nullable String to, LocalDate today) {
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            LocalDate start = from == null || from.isBlank() ? end.minusMonths(12).plusDays(1) : LocalDate.parse(from.strip());
            if (start.isAfter(end)) {
                throw new IllegalArgumentException("The start of the period (from) must be on or before its end (to).");
            }
            return new Period(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give dates like 2026-03-31.");
        }
    }

    /**
     * Reads an optional comparison period: both ends or neither.
     *
     * @return null when neither end is given
     * @throws IllegalArgumentException with a message a person can act on
     */
    @Nullable
    public static Period parseComparison(@Nullable String from, @Nullable String to, LocalDate today) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return null;
        }
        if (noFrom || noTo) {
            throw new IllegalArgumentException("Give both compareFrom and compareTo, or neither.");
        }
        return parse(from, to, today);
    }
}
