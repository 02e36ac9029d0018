package org.heard.safeguarding;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;

import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the bundled indicators on a labelled set of realistic answers from children, parents and
 * staff (src/test/resources/safeguarding/evaluation.csv): recall and precision overall and per
 * category, written to benchmarks/results/safeguarding-evaluation.md.
 */
class ScreenerEvaluationTest {
    private static final Screener SCREENER = ScreenerFactory.load(Path.of("surveys/safeguarding/indicators.yaml"));

    private record Example(String text, boolean disclosure, Set<String> categories, String speaker) {
    }

    @Test
    void meetsRecallAndPrecisionTargetsAndRecordsThem() throws Exception {
        List<Example> examples = read(Path.of("src/test/resources/safeguarding/evaluation.csv"));
        long disclosures = examples.stream().filter(Example::disclosure).count();
        assertTrue(disclosures >= 200 && examples.size() - disclosures >= 200, "at least 200 of each");

        int tp = 0;
        int fp = 0;
        var categories = new TreeSet<String>();
        examples.forEach(e -> categories.addAll(e.categories()));
        var misses = new ArrayList<String>();
        var falseAlarms = new ArrayList<String>();
        for (Example e : examples) {
            boolean flagged = SCREENER.screen(e.text()).flagged();
            if (flagged && e.disclosure()) {
                tp++;
            } else if (flagged) {
                fp++;
                falseAlarms.add(e.text());
            } else if (e.disclosure()) {
                misses.add(e.text());
            }
        }
        double recall = (double) tp / disclosures;
        double precision = (double) tp / (tp + fp);
        var table = new StringBuilder();
        var failures = new ArrayList<String>();
        for (String c : categories) {
            long labelled = examples.stream().filter(e -> e.categories().contains(c)).count();
            long found = examples.stream().filter(e -> e.categories().contains(c) && SCREENER.screen(e.text()).categories().contains(c)).count();
            long flaggedAs = examples.stream().filter(e -> SCREENER.screen(e.text()).categories().contains(c)).count();
            long flaggedDisclosures = examples.stream().filter(e -> e.disclosure() && SCREENER.screen(e.text()).categories().contains(c)).count();
            double r = (double) found / labelled;
            double p = flaggedAs == 0 ? 0 : (double) flaggedDisclosures / flaggedAs;
            table.append("| %s | %d | %.2f | %.2f |%n".formatted(c, labelled, r, p));
            if (r < 0.90) {
                failures.add(c + " recall " + r);
            }
        }
        String report = """
                # Safeguarding screen: evaluation

                The bundled indicators (`surveys/safeguarding/indicators.yaml`) on the labelled set in
                `src/test/resources/safeguarding/evaluation.csv`: %d possible disclosures and %d hard non-disclosures
                (negations, idioms, professionals discussing a topic, games and films, ordinary complaints), written
                in the words of children, parents and staff. Recorded by `ScreenerEvaluationTest` on %s.

                Overall: recall **%.3f** (target 0.95), precision **%.3f** (target 0.85).

                Per category, recall is the share of that category's disclosures flagged with that category;
                precision is the share of answers flagged with the category that are disclosures.

                | category | disclosures | recall | precision |
                |---|---|---|---|
                %s
                Missed: %s

                False alarms: %s

                The indicators were written and then tuned against this same set, so these figures flatter the
                screen; a flag is a prompt for a person, never a decision.
                """.formatted(disclosures, examples.size() - disclosures, LocalDate.now(), recall, precision, table,
                misses.isEmpty() ? "none" : String.join("; ", misses), falseAlarms.isEmpty() ? "none" : String.join("; ", falseAlarms));
        // Sets written after the indicators were tuned and never trained on: the honest figures.
        Screener rulesOnly = ScreenerFactory.rules(Path.of("surveys/safeguarding/indicators.yaml"));
        double heldRecall = 1;
        var held = new StringBuilder();
        for (String name : List.of("evaluation-holdout.csv", "evaluation-holdout-2.csv")) {
            List<Example> holdout = read(Path.of("src/test/resources/safeguarding/" + name));
            long n = holdout.stream().filter(Example::disclosure).count();
            held.append("| `%s` | %d / %d |".formatted(name, n, holdout.size() - n));
            for (Screener s : List.of(rulesOnly, SCREENER)) {
                long found = holdout.stream().filter(e -> e.disclosure() && s.screen(e.text()).flagged()).count();
                long alarms = holdout.stream().filter(e -> !e.disclosure() && s.screen(e.text()).flagged()).count();
                double r = (double) found / n;
                held.append(" %.3f / %.3f |".formatted(r, (double) found / Math.max(1, found + alarms)));
                if (s == SCREENER) {
                    heldRecall = Math.min(heldRecall, r);
                }
            }
            held.append("%n".formatted());
        }
        report += """

                ## Held out

                Two sets written after the indicators were tuned, never tuned against and never used to train
                the learned screen. Recall / precision, for the rules alone and for the screen as it runs
                (rules plus the model learned from `surveys/safeguarding/examples.csv`):

                | set | disclosures / others | rules | rules + learned |
                |---|---|---|---|
                %s
                These are the honest figures. The main set above is also the learned screen's training data,
                so its figures say only that the screen has learned what it was shown.
                """.formatted(held);
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/safeguarding-evaluation.md"), report);
        // A guard against regressions at the level measured when the set was written, not a target.
        assertTrue(heldRecall >= 0.30, "held-out recall fell: " + heldRecall);
        assertTrue(recall >= 0.95, "overall recall " + recall + "; missed: " + misses);
        assertTrue(precision >= 0.85, "precision " + precision + "; false alarms: " + falseAlarms);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    private static List<Example> read(Path file) throws Exception {
        try (var reader = new CSVReader(new FileReader(file.toFile(), StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            return rows.subList(1, rows.size()).stream().map(r -> new Example(r[0], r[1].equals("disclosure"),
                    r[2].isBlank() ? Set.of() : Set.copyOf(Arrays.asList(r[2].split(";"))), r[3])).toList();
        }
    }
}
