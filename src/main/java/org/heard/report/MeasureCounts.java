package org.heard.report;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.Sql;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The quantitative evidence for a measure: responses to the surveys that give evidence for it, by
 * audience, channel, survey and agency, each split suppressed with its total so no hidden count can
 * be worked out. Read with one query per report, then summed per measure.
 */
@Singleton
class MeasureCounts {
    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final SurveyCatalog catalog;
    private final Suppression suppression;

    MeasureCounts(Sql sql, TransactionOperations<Connection> tx, SurveyCatalog catalog, Suppression suppression) {
        this.sql = sql;
        this.tx = tx;
        this.catalog = catalog;
        this.suppression = suppression;
    }

    /** Responses in a period by survey, channel and agency ("none" when a survey records no agency). */
    record Row(String survey, String channel, String agency, long responses) {
    }

    /** One split: the groups in order, each group's count, and the total. */
    @Serdeable
    record Split(List<String> groups, List<Cell> counts, Cell total) {
        String text() {
            var parts = new ArrayList<String>();
            for (int i = 0; i < groups.size(); i++) {
                parts.add(groups.get(i) + " " + counts.get(i).text());
            }
            return String.join(", ", parts);
        }
    }

    @Serdeable
    record Counts(Split byAudience, Split byChannel, Split bySurvey, Split byAgency) {
        /** "by audience: staff 12; by channel: web 10, api c; ..." for the page and the CSV. */
        public String summary() {
            return "by audience: " + byAudience.text() + "; by channel: " + byChannel.text() + "; by survey: " + bySurvey.text()
                    + "; by agency: " + byAgency.text();
        }
    }

    List<Row> read(Instant from, Instant to) {
        return tx.executeRead(s -> sql.list("SELECT survey_id, channel, agency, COUNT(*) FROM response WHERE submitted_at >= ? AND submitted_at < ? "
                        + "GROUP BY survey_id, channel, agency",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3) == null ? "none" : rs.getString(3), rs.getLong(4)), from, to));
    }

    /** The splits for the responses to these surveys. */
    Counts of(List<Row> rows, Collection<String> surveys) {
        List<Row> mine = rows.stream().filter(r -> surveys.contains(r.survey())).toList();
        Function<Row, String> audience = r -> catalog.find(r.survey()).map(Survey::audience).map(a -> a.id()).orElse("unknown");
        return new Counts(split(mine, audience), split(mine, Row::channel), split(mine, Row::survey), split(mine, Row::agency));
    }

    private Split split(List<Row> rows, Function<Row, String> group) {
        var sums = new TreeMap<String, Long>();
        rows.forEach(r -> sums.merge(group.apply(r), r.responses(), Long::sum));
        long[][] table = {sums.values().stream().mapToLong(Long::longValue).toArray()};
        SuppressedTable t = suppression.table(table);
        var cells = new ArrayList<Cell>();
        for (int c = 0; c < sums.size(); c++) {
            cells.add(t.cell(0, c));
        }
        return new Split(List.copyOf(sums.keySet()), cells, sums.isEmpty() ? Cell.shown(0) : t.rowTotal(0));
    }

}
