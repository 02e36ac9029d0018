package org.heard.safeguarding;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Where to set the learned screen's threshold, measured without the held-out set: five-fold
 * cross-validation over the labelled examples (each fold screened by the rules plus a learned screen
 * trained on the other four and the ordinary answers), beside how many real public comments each
 * threshold would flag. The held-out set is kept for one honest reading of the choice made here.
 * Results go to benchmarks/results/safeguarding-cross-validation.md.
 */
@Tag("benchmark")
class ScreenerCrossValidation {
    private static final Path INDICATORS = Path.of("surveys/safeguarding/indicators.yaml");
    private static final Path EXAMPLES = INDICATORS.resolveSibling("examples.csv");
    private static final double[] THRESHOLDS = {0.5, 0.6, 0.65, 0.7, 0.72, 0.75, 0.8, 0.9};
    /** The models' settings, to compare others: cost and balance of the flagging model, then of the naming one. */
    private static final String SETUP = System.getProperty("heard.cv.setup", "0.3,0.0,0.3,0.0");
    private static final int FOLDS = 5;

    @Test
    void thresholds() throws Exception {
        PhraseScreener rules = ScreenerFactory.rules(INDICATORS);
        List<LearnedScreen.Example> labelled = new ArrayList<>(LearnedScreen.read(EXAMPLES));
        List<LearnedScreen.Example> ordinary = LearnedScreen.everyday(INDICATORS.resolveSibling(LearnedScreen.EVERYDAY));
        java.util.Collections.shuffle(labelled, new Random(7));
        // Disclosures and the rest dealt out in turn, so every fold holds both in the same proportion.
        var folds = new ArrayList<List<LearnedScreen.Example>>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new ArrayList<>());
        }
        int d = 0;
        int o = 0;
        for (var e : labelled) {
            folds.get(e.disclosure() ? d++ % FOLDS : o++ % FOLDS).add(e);
        }
        int n = THRESHOLDS.length;
        int[] tp = new int[n];
        int[] fp = new int[n];
        // How many kinds each alert names: naming more finds the right kind more often but tells a lead less.
        int[] kinds = new int[n];
        var categoryFound = new ArrayList<TreeMap<String, Integer>>();
        var categoryTotal = new TreeMap<String, Integer>();
        for (int t = 0; t < n; t++) {
            categoryFound.add(new TreeMap<>());
        }
        int disclosures = 0;
        for (int f = 0; f < FOLDS; f++) {
            var training = new ArrayList<LearnedScreen.Example>();
            for (int g = 0; g < FOLDS; g++) {
                if (g != f) {
                    training.addAll(folds.get(g));
                }
            }
            LearnedScreen learned = LearnedScreen.train(training, ordinary, THRESHOLDS[0], flagging(), naming());
            for (var e : folds.get(f)) {
                if (e.disclosure()) {
                    disclosures++;
                    e.categories().forEach(c -> categoryTotal.merge(c, 1, Integer::sum));
                }
                for (int t = 0; t < n; t++) {
                    ScreenResult r = new CombinedScreener(rules, learned.withThreshold(THRESHOLDS[t])).screen(e.text());
                    if (r.flagged()) {
                        kinds[t] += r.categories().size();
                    }
                    if (r.flagged() && e.disclosure()) {
                        tp[t]++;
                    } else if (r.flagged()) {
                        fp[t]++;
                    }
                    if (e.disclosure()) {
                        for (String c : e.categories()) {
                            if (r.categories().contains(c)) {
                                categoryFound.get(t).merge(c, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        List<String> comments = ScreenerEvaluationTest.ordinary();
        LearnedScreen all = LearnedScreen.train(labelled, ordinary, THRESHOLDS[0], flagging(), naming());
        var table = new StringBuilder();
        for (int t = 0; t < n; t++) {
            var screener = new CombinedScreener(rules, all.withThreshold(THRESHOLDS[t]));
            long alarms = comments.stream().filter(c -> screener.screen(c).flagged()).count();
            int lowest = t;
            String weakest = categoryTotal.keySet().stream()
                    .min(java.util.Comparator.comparingDouble(c -> (double) categoryFound.get(lowest).getOrDefault(c, 0) / categoryTotal.get(c)))
                    .map(c -> "%s %.2f".formatted(c, (double) categoryFound.get(lowest).getOrDefault(c, 0) / categoryTotal.get(c)))
                    .orElse("");
            int named = categoryFound.get(t).values().stream().mapToInt(Integer::intValue).sum();
            int labels = categoryTotal.values().stream().mapToInt(Integer::intValue).sum();
            table.append("| %.2f | %.3f | %.3f | %.3f | %.2f | %s | %s |%n".formatted(THRESHOLDS[t], (double) tp[t] / disclosures,
                    (double) tp[t] / Math.max(1, tp[t] + fp[t]), (double) named / labels, (double) kinds[t] / Math.max(1, tp[t] + fp[t]), weakest,
                    comments.isEmpty() ? "not measured" : "%d (%.2f%%)".formatted(alarms, 100.0 * alarms / comments.size())));
        }
        String report = """
                # Safeguarding screen: choosing the threshold

                Recorded by `ScreenerCrossValidation` on %s. Five-fold cross-validation over the %d labelled examples in
                `surveys/safeguarding/examples.csv` (%d possible disclosures): each fold is screened by the indicators
                plus a learned screen trained on the other four folds and the ordinary answers. The indicators were
                written with much of this set in view, so their share of the recall here is flattering; the held-out
                set in `safeguarding-evaluation.md` is the honest reading. "Right kind named" is the share of the
                disclosures' kinds that their alerts name; "kinds per alert" counts every flagged answer. The last column is the screen trained on
                every example, run over the %d real public comments in `../shared/data/nhs_patient_feedback_phase1.csv`
                (none a disclosure to us): how many a lead would be sent.
                Run: `mvn test -Dtest=ScreenerCrossValidation -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true`.

                | threshold | recall | precision | right kind named | kinds per alert | weakest category (recall) | ordinary comments flagged |
                |---|---|---|---|---|---|---|
                %s""".formatted(LocalDate.now(), labelled.size(), disclosures, comments.size(), table);
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/safeguarding-cross-validation.md"), report);
        System.out.println(report);
    }

    private static org.heard.learning.LinearClassifier.Settings flagging() {
        String[] p = SETUP.split(",");
        return new org.heard.learning.LinearClassifier.Settings(Double.parseDouble(p[0]), 20, Double.parseDouble(p[1]));
    }

    private static org.heard.learning.LinearClassifier.Settings naming() {
        String[] p = SETUP.split(",");
        return new org.heard.learning.LinearClassifier.Settings(Double.parseDouble(p[2]), 20, Double.parseDouble(p[3]));
    }
}
