package org.heard.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.platform.Sql;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.testing.MovableClock;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Daily tallies give the same counts as the store, and follow it when a day's responses change. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
class DayTalliesTest {
    @Inject
    org.heard.testing.TestSql years;
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    ResponseFigures figures;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TallyWarmUp warmUp;

    private final ZoneId zone = ZoneId.systemDefault();

    @Test
    void countsADayAgainWhenItsResponsesChange() {
        LocalDate day = LocalDate.of(years.unusedYear(), 4, 10);
        Instant from = day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant to = day.withDayOfMonth(30).atStartOfDay(zone).toInstant();
        List<Long> ids = submit(day, 8, 3, "5");
        assertEquals(3L, supervision(from, to), "three answers on one day");
        assertEquals(3L, figures.answered(Surveys.STAFF, from, to).get("supervision"));
        assertEquals(3L, talliedResponses(day), "the day is tallied");

        submit(day, 16, 2, "1");
        assertEquals(5L, supervision(from, to), "two more the same day: the day is counted again");
        responses.delete(List.of(ids.getFirst()));
        assertEquals(0L, talliedResponses(day), "an erasure drops the day's tallies at once");
        assertEquals(4L, supervision(from, to), "an erased response leaves the count");
        assertEquals(4L, talliedResponses(day));
        assertEquals(Map.of(5.0, 2L, 1.0, 2L), byScore(from, to));
    }

    @Test
    void countsPartDaysAtTheEndsOfAPeriodFromTheStore() {
        LocalDate day = LocalDate.of(years.unusedYear(), 6, 10);
        submit(day, 8, 3, "5");
        submit(day, 16, 2, "1");
        submit(day.plusDays(1), 9, 1, "4");
        Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
        Instant nextNoon = noon.plusSeconds(86_400);
        assertEquals(Map.of(1.0, 2L, 4.0, 1L), byScore(noon, nextNoon), "the afternoon of one day and the morning of the next");
        assertEquals(Map.of(5.0, 3L), byScore(day.atStartOfDay(zone).toInstant(), noon), "a morning alone");
        assertEquals(Map.of(5.0, 3L, 1.0, 2L, 4.0, 1L), byScore(noon.minusSeconds(86_400), nextNoon.plusSeconds(86_400)),
                "part days at both ends and whole days between");
    }

    @Test
    void theLastTwoYearsAreCountedAheadSoTheFirstReportNeedNot() {
        LocalDate day = LocalDate.of(years.unusedYear(), 3, 3);
        submit(day, 9, 3, "5");
        submit(day.minusYears(2).minusDays(1), 9, 2, "4");
        assertEquals(0L, talliedResponses(day), "nothing has asked for the day yet");

        clock.set(day.plusDays(10).atTime(7, 0).atZone(zone).toInstant());
        assertTrue(warmUp.warm() > 0);
        assertEquals(3L, talliedResponses(day), "counted ahead of any report");
        assertEquals(0L, talliedResponses(day.minusYears(2).minusDays(1)), "only the last two years");
        Instant from = day.atStartOfDay(zone).toInstant();
        assertEquals(3L, supervision(from, from.plusSeconds(86_400)), "and the counts agree with the store");
    }

    private List<Long> submit(LocalDate day, int hour, int n, String score) {
        clock.set(day.atTime(hour, 0).atZone(zone).toInstant());
        var ids = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            var out = responses.submit(new Submission(Surveys.STAFF, Channel.WEB,
                    Map.of("agency", List.of("police"), "supervision", List.of(score)), null, null));
            ids.add(((SubmitOutcome.Stored) out).id());
        }
        return ids;
    }

    private long supervision(Instant from, Instant to) {
        return figures.values(Surveys.STAFF, from, to).stream().filter(v -> v.questionId().equals("supervision"))
                .mapToLong(ResponseFigures.Value::answers).sum();
    }

    private Map<Double, Long> byScore(Instant from, Instant to) {
        var out = new java.util.HashMap<Double, Long>();
        figures.values(Surveys.STAFF, from, to).stream().filter(v -> v.questionId().equals("supervision"))
                .forEach(v -> out.merge(v.number(), v.answers(), Long::sum));
        return out;
    }

    private long talliedResponses(LocalDate day) {
        return tx.executeRead(s -> sql.one("SELECT responses FROM report_tally_day WHERE survey_id = ? AND tally_date = ?",
                rs -> rs.getLong(1), Surveys.STAFF, day).orElse(0L));
    }
}
