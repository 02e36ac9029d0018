package org.heard.safeguarding;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;

import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the screen as it runs (rules plus the learned screen) on labelled answers from children,
 * parents and staff: the main set (src/test/resources/safeguarding/evaluation.csv, which the rules
 * were tuned on and the learned screen is trained on) and a held-out set written later and never
 * trained or tuned on. Recall and precision overall and per category go to
 * benchmarks/results/safeguarding-evaluation.md; the file changes only when the figures do.
 */
class ScreenerEvaluationTest {
    private static final Path INDICATORS = Path.of("surveys/safeguarding/indicators.yaml");
    private static final Screener SCREENER = ScreenerFactory.load(INDICATORS);
    /** The held-out sets not yet in the training examples, read on the same screen and counted together. */
    private static final List<String> HELD_OUT = List.of("evaluation-holdout-22.csv", "evaluation-holdout-23.csv");

    private record Example(String text, boolean disclosure, Set<String> categories, String speaker) {
    }

    /** Recall and precision of flagging, and per category: a disclosure counts for its category when flagged with it. */
    private record Figures(int disclosures, int others, double recall, double precision, String table, List<String> weakCategories,
                           List<String> misses, List<String> falseAlarms) {
    }

    @Test
    void meetsRecallAndPrecisionTargetsAndRecordsThem() throws Exception {
        List<Example> main = read("evaluation.csv");
        var held = new ArrayList<Example>();
        var eachSet = new StringBuilder();
        for (String set : HELD_OUT) {
            List<Example> one = read(set);
            held.addAll(one);
            Figures f = measure(SCREENER, one);
            eachSet.append("| `%s` | %d / %d | %.3f | %.3f | %s |%n".formatted(set, f.disclosures(), f.others(), f.recall(), f.precision(),
                    f.weakCategories().isEmpty() ? "none" : String.join(", ", f.weakCategories())));
        }
        Figures m = measure(SCREENER, main);
        assertTrue(m.disclosures() >= 200 && m.others() >= 200, "at least 200 of each");
        Figures h = measure(SCREENER, held);
        Figures rules = measure(ScreenerFactory.rules(INDICATORS), held);
        // Ordinary comments vastly outnumber disclosures: how many would a lead be sent? Real public
        // feedback about health services (none of it a disclosure to us) stands in for ordinary answers.
        List<String> ordinary = ordinary();
        long alarms = ordinary.stream().filter(t -> SCREENER.screen(t).flagged()).count();
        String everyday = ordinary.isEmpty() ? "not measured (the public feedback file is not beside the project)"
                : "%d of %d (%.2f%%)".formatted(alarms, ordinary.size(), 100.0 * alarms / ordinary.size());

        String report = """
                # Safeguarding screen: evaluation

                Recorded by `ScreenerEvaluationTest` (it runs with every build). The screen as it runs: the indicators
                in `surveys/safeguarding/indicators.yaml` or the learned screen trained on
                `surveys/safeguarding/examples.csv`, an answer flagged when either flags it.

                ## Held out: the honest figures

                %s in `src/test/resources/safeguarding/`: %d possible disclosures and %d hard non-disclosures (negations,
                idioms, professionals discussing a topic, films and games, ordinary complaints) in the words of children,
                parents and staff, written after the screen was built and never used to tune or train it.

                | set | disclosures / others | recall | precision | categories under 0.90 |
                |---|---|---|---|---|
                %s
                Together:

                | | recall | precision |
                |---|---|---|
                | the screen as it runs | **%.3f** | **%.3f** |
                | the indicators alone | %.3f | %.3f |

                Ordinary comments flagged: %s of the real patient feedback in
                `../shared/data/nhs_patient_feedback_phase1.csv`, comments by the public that are not disclosures to us.
                The learned screen's threshold (0.72 as shipped, `HEARD_SAFEGUARDING_LEARNED_THRESHOLD`) was chosen by
                cross-validation over the training examples, weighing disclosures found against ordinary comments
                flagged (`safeguarding-cross-validation.md`), never on this set.

                Each held-out set is measured once fresh, then joins the training examples and a new one is written.
                Earlier readings, each before its set joined the training:

                | held-out set | screen | recall | precision |
                |---|---|---|---|
                | `evaluation-holdout-3.csv` (60 / 56) | word-only model | 0.717 | |
                | `evaluation-holdout-3.csv` | rules + character model | 0.867 | 0.929 |
                | `evaluation-holdout-4.csv` (60 / 50) | the same, holdout 3 added to training | 0.783 | 0.979 |
                | `evaluation-holdout-5.csv` (144 / 110) | the same, holdout 4 added | 0.819 | 0.874 |
                | `evaluation-holdout-5.csv` | 840 new training examples, threshold 0.7, likeliest category named | 0.910 | 0.868 |
                | `evaluation-holdout-6.csv` (180 / 130) | the same, unchanged | 0.911 | 0.872 |
                | `evaluation-holdout-6.csv` | holdout 5 and 960 more examples (most in the categories cross-validation finds weakest) added, threshold chosen again: 0.75 | 0.894 | 0.880 |
                | `evaluation-holdout-7.csv` (180 / 130) | the same, as shipped | 0.900 | 0.900 |
                | `evaluation-holdout-8.csv` (180 / 130) | holdouts 6 and 7 added to training, threshold chosen again (still 0.75) | 0.928 | 0.933 |
                | `evaluation-holdout-9.csv` (180 / 130) | holdout 8 added to training; the learned screen also reads answers naming a game or a sport; indicators for means of self-harm, implements of hitting, being watched while changing, humiliation, police callouts, shared images, someone waiting outside, extremist talk; threshold still 0.75 | 0.967 | 0.897 |
                | `evaluation-holdout-10.csv` (180 / 129) | holdout 9 added to training; beside the likeliest kind, every kind the learned screen gives at least 1 in 5 is named (before, 1 in 2); threshold still 0.75 | 0.967 | 0.926 |
                | `evaluation-holdout-11.csv` (180 / 130) | holdout 10 added to training; professional words no longer switch a topic off when the text also reports a real child or family ("disclosed", "children present", "section 47": the indicators file's `cases`); threshold still 0.75 | 0.967 | 0.956 |
                | `evaluation-holdout-12.csv` (360 / 260) | holdout 11 and 500 new examples added to training; indicators for what cross-validation found neither reader catching; threshold still 0.75 | 0.961 | 0.920 |
                | `evaluation-holdout-13.csv` (360 / 260) | holdout 12 and 505 new examples added to training; more indicators (running away, engagements and cutting, drug running, praise for attackers, a partner's control, humiliation at home); threshold still 0.75 | 0.975 | 0.905 |
                | `evaluation-holdout-14.csv` (360 / 260) | holdout 13 added to training; indicators that name domestic abuse when a partner or parent hurts the other; threshold still 0.75 | 0.967 | 0.911 |
                | `evaluation-holdout-15.csv` (360 / 260) | holdout 14 and 300 new examples added to training (weighted to FGM and forced marriage, and going missing); indicators for plans and goodbyes, hidden self-harm, being reported missing, a wedding arranged for a child; threshold still 0.75 | 0.956 | 0.912 |
                | `evaluation-holdout-16.csv` (360 / 260) | holdout 15 added to training; indicators for hidden scars, not being around much longer, a beating that kept a child off school, a parent slammed against a door, pictures sent on; threshold still 0.75 | 0.964 | 0.897 |
                | `evaluation-holdout-17.csv` (360 / 259) | holdout 16 added to training; a few more indicators; every kind the learned screen gives at least 15 in 100 named (before, 1 in 5); threshold still 0.75 | 0.972 | 0.864 |
                | `evaluation-holdout-18.csv` (360 / 260) | holdout 17 added to training; indicators that name sexual abuse for nude pictures held over a child and touching between the legs, and immediate danger for pills just taken or a plan for tonight; threshold still 0.75 | 0.975 | 0.886 |
                | `evaluation-holdout-19.csv` (359 / 257) | the same screen, unchanged: a second reading (with the eighteenth: neglect 0.898, every other kind 0.92 or above) | 0.961 | 0.894 |
                | `evaluation-holdout-20.csv` and `-21.csv` (719 / 516), read together | holdouts 18 and 19 added to training; indicators for what they missed; threshold 0.72 (0.72 newly among those tried) | 0.979 | 0.886 |

                The figures above are a twenty-second and a twenty-third set (about thirty disclosures in each category
                and about 260 hard non-disclosures each), written after all of this without sight of the training examples
                or the screen, and each read once on the same screen, as shipped: holdouts 20 and 21 added to the training
                examples; a "no" that ends a sentence no longer denies what the next sentence says (the twentieth set held
                "feeling safe at home - no. my dads been hitting me since i was like 9", which the indicators read as a
                denial); indicators for what those two sets missed where the wording is general (an arm twisted, cutting
                again, loads of tablets taken, what dad does to mum, sexual stuff for someone), none of which flags any of
                the ordinary comments. Threshold chosen again by the same rule: still 0.72 (cross-validated recall 0.986,
                2.8 in 100 ordinary comments; at 0.70, 3.1).

                Tried and not shipped: a third reader for what an answer means (all-MiniLM-L6-v2 sentence embeddings run in
                process through ONNX Runtime, with a logistic regression learned from the same examples). In cross-validation
                it raised recall from 0.84 to 0.89 at the same 3 in 100 ordinary comments flagged; on the seventh set, read
                once with it, recall 0.906 and precision 0.881 against 0.900 and 0.900 without it. That was not worth about
                100 MB of native libraries, a minute of learning at first start and 15 ms more on every answer.
                Also tried and not kept: reading each sentence of a longer answer on its own as well as the whole, for
                disclosures tucked into other feedback. In cross-validation it found 3 more disclosures in 1,000 at the
                same threshold but flagged 3.6 in 100 ordinary comments instead of 2.6; at an equal flag rate it found fewer.
                Tried again with runs of twelve words as well as sentences and clauses, and measured on fresh text by
                leaving each of the sets 10 to 15 out of the training in turn: at 0.80, where it flags 3.4 in 100 ordinary
                comments against the whole answer's 2.7 at 0.75, recall 0.979 against 0.981.

                Targets: recall 0.95 overall and 0.90 in every category, precision 0.85. Per category, every held-out
                set together (about thirty disclosures in each set):

                | category | disclosures | recall | precision |
                |---|---|---|---|
                %s
                Missed: %s

                False alarms: %s

                ## Main set

                `src/test/resources/safeguarding/evaluation.csv`: %d possible disclosures and %d hard non-disclosures, every
                category covered. The indicators were tuned against it and it is part of the learned screen's training
                data, so these figures say only that the screen has learned what it was shown.

                Overall: recall **%.3f**, precision **%.3f**.

                | category | disclosures | recall | precision |
                |---|---|---|---|
                %s
                A flag is a prompt for a person, never a decision: the threshold favours recall, because a missed
                disclosure costs far more than a lead reading an answer that was fine.
                """.formatted(HELD_OUT.stream().map(f -> "`" + f + "`").collect(java.util.stream.Collectors.joining(" and ")), h.disclosures(), h.others(), eachSet, h.recall(), h.precision(), rules.recall(), rules.precision(), everyday, h.table(),
                h.misses().isEmpty() ? "none" : String.join("; ", h.misses()),
                h.falseAlarms().isEmpty() ? "none" : String.join("; ", h.falseAlarms()),
                m.disclosures(), m.others(), m.recall(), m.precision(), m.table());
        Path results = Path.of("benchmarks/results/safeguarding-evaluation.md");
        Files.createDirectories(results.getParent());
        if (!Files.exists(results) || !Files.readString(results).equals(report)) {
            Files.writeString(results, report);
        }
        assertTrue(m.recall() >= 0.95, "overall recall " + m.recall() + "; missed: " + m.misses());
        assertTrue(m.precision() >= 0.85, "precision " + m.precision() + "; false alarms: " + m.falseAlarms());
        assertTrue(m.weakCategories().isEmpty(), m.weakCategories().toString());
        // The held-out set is read once fresh; after that these guard against a change that loses what it found.
        assertTrue(h.recall() >= 0.95, "held-out recall fell below the 0.95 target: " + h.recall() + "; missed: " + h.misses());
        assertTrue(h.precision() >= 0.85, "held-out precision fell: " + h.precision());
        assertTrue(h.weakCategories().isEmpty(), "held-out categories under 0.90: " + h.weakCategories());
        assertTrue(ordinary.isEmpty() || alarms <= 0.035 * ordinary.size(), "ordinary comments flagged: " + everyday);
    }

    /** Real public feedback about health services, none of it a disclosure to us; empty when the file is not beside the project. */
    static List<String> ordinary() throws Exception {
        Path file = Path.of("../shared/data/nhs_patient_feedback_phase1.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var reader = new CSVReader(new FileReader(file.toFile(), StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            int text = Arrays.asList(rows.getFirst()).indexOf("feedback");
            return rows.subList(1, rows.size()).stream().map(r -> r[text]).toList();
        }
    }

    private static Figures measure(Screener screener, List<Example> examples) {
        int disclosures = (int) examples.stream().filter(Example::disclosure).count();
        int tp = 0;
        int fp = 0;
        var misses = new ArrayList<String>();
        var falseAlarms = new ArrayList<String>();
        var results = examples.stream().map(e -> screener.screen(e.text())).toList();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            boolean flagged = results.get(i).flagged();
            if (flagged && e.disclosure()) {
                tp++;
            } else if (flagged) {
                fp++;
                falseAlarms.add(e.text());
            } else if (e.disclosure()) {
                misses.add(e.text());
            }
        }
        var categories = new TreeSet<String>();
        examples.forEach(e -> categories.addAll(e.categories()));
        var table = new StringBuilder();
        var weak = new ArrayList<String>();
        for (String c : categories) {
            int labelled = 0;
            int found = 0;
            int flaggedAs = 0;
            int right = 0;
            for (int i = 0; i < examples.size(); i++) {
                boolean is = examples.get(i).categories().contains(c);
                boolean says = results.get(i).categories().contains(c);
                labelled += is ? 1 : 0;
                found += is && says ? 1 : 0;
                flaggedAs += says ? 1 : 0;
                right += says && examples.get(i).disclosure() ? 1 : 0;
            }
            double r = (double) found / labelled;
            table.append("| %s | %d | %.2f | %.2f |%n".formatted(c, labelled, r, flaggedAs == 0 ? 0 : (double) right / flaggedAs));
            if (r < 0.90) {
                weak.add("%s %.2f".formatted(c, r));
            }
        }
        return new Figures(disclosures, examples.size() - disclosures, (double) tp / disclosures, (double) tp / Math.max(1, tp + fp),
                table.toString(), weak, misses, falseAlarms);
    }

    private static List<Example> read(String name) throws Exception {
        try (var reader = new CSVReader(new FileReader("src/test/resources/safeguarding/" + name, StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            return rows.subList(1, rows.size()).stream().map(r -> new Example(r[0], r[1].equals("disclosure"),
                    r[2].isBlank() ? Set.of() : Set.copyOf(Arrays.asList(r[2].split(";"))), r[3])).toList();
        }
    }
}
