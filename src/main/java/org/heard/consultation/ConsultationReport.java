package org.heard.consultation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.report.Cell;
import org.heard.report.Suppression;
import org.heard.report.SuppressedTable;
import org.heard.survey.SurveyCatalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The number and range of activities that engaged children and young people in a period, against
 * the previous period of the same length. Every count goes through small-number suppression, and
 * each breakdown is suppressed as a table with its total, so no hidden count can be subtracted out.
 */
@Singleton
class ConsultationReport {
    private final ConsultationLog log;
    private final Suppression suppression;
    private final SurveyCatalog catalog;

    ConsultationReport(ConsultationLog log, Suppression suppression, SurveyCatalog catalog) {
        this.log = log;
        this.suppression = suppression;
        this.catalog = catalog;
    }

    @Serdeable
    record Row(String key, String label, Cell count, Cell previous) {
    }

    @Serdeable
    record Report(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Cell activities,
                  Cell previousActivities, Cell participants, Cell previousParticipants, Cell withFollowUp,
                  Cell withoutFollowUp, List<Row> byAudience, List<Row> byMethod, List<Row> byArea, List<Row> byAgency) {
    }

    Report build(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(days - 1);
        List<Activity> now = childrens(from, to);
        List<Activity> before = childrens(previousFrom, previousTo);
        long with = now.stream().filter(Activity::hasFollowUp).count();
        SuppressedTable followUp = suppression.table(new long[][] {{with, now.size() - with}});
        return new Report(from, to, previousFrom, previousTo, suppression.count(now.size()), suppression.count(before.size()),
                suppression.count(participants(now)), suppression.count(participants(before)),
                followUp.cell(0, 0), followUp.cell(0, 1),
                breakdown(now, before, Activity::audiences, id -> AudienceGroup.fromId(id).map(AudienceGroup::label).orElse(id)),
                breakdown(now, before, a -> List.of(a.method()), id -> Method.fromId(id).map(Method::label).orElse(id)),
                breakdown(now, before, Activity::areas, id -> id),
                breakdown(now, before, a -> a.leadAgency() == null ? List.of("none") : List.of(a.leadAgency()),
                        id -> id.equals("none") ? "No lead agency" : catalog.agencies().name(id)));
    }

    private List<Activity> childrens(LocalDate from, LocalDate to) {
        return log.list(new ActivityFilter(from, to, null, null, null, null)).stream().filter(Activity::engagesChildren).toList();
    }

    private static long participants(List<Activity> activities) {
        return activities.stream().mapToLong(Activity::participants).sum();
    }

    private List<Row> breakdown(List<Activity> now, List<Activity> before, Function<Activity, List<String>> keys,
                                Function<String, String> label) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Activity a : now) {
            keys.apply(a).forEach(k -> counts.computeIfAbsent(k, x -> new long[2])[0]++);
        }
        for (Activity a : before) {
            keys.apply(a).forEach(k -> counts.computeIfAbsent(k, x -> new long[2])[1]++);
        }
        var keyList = new ArrayList<>(counts.keySet());
        // Rows are categories, columns this period and the previous one, suppressed together with their totals.
        long[][] table = new long[keyList.size()][2];
        for (int i = 0; i < keyList.size(); i++) {
            table[i] = counts.get(keyList.get(i));
        }
        SuppressedTable t = suppression.table(table);
        var rows = new ArrayList<Row>();
        for (int i = 0; i < keyList.size(); i++) {
            rows.add(new Row(keyList.get(i), label.apply(keyList.get(i)), t.cell(i, 0), t.cell(i, 1)));
        }
        return rows;
    }
}
