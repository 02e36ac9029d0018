package org.heard.theme;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.heard.learning.LinearClassifier;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code java -jar heard.jar evaluate-themes FILE.csv [TEXT_COLUMN] [THEME_COLUMN]}: how well Heard's
 * suggestions agree with people's codes, by stratified 5-fold cross-validation. Each answer's most
 * confident suggestion is compared with its code; micro-F1 (here the share right) and macro-F1
 * (the mean over themes, so rare themes count as much as common ones) are printed and written to
 * {@code benchmarks/results/themes-evaluation.md}.
 */
public final class ThemeEvaluation {
    static final int FOLDS = 5;

    private ThemeEvaluation() {
    }

    /** Per theme: right, wrongly suggested, missed. */
    record Scores(double micro, double macro, int rows, int themes, Map<String, int[]> byTheme, long millis) {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("Usage: evaluate-themes FILE.csv [TEXT_COLUMN] [THEME_COLUMN]   (defaults: feedback, code)");
            return 2;
        }
        Path file = Path.of(args[1]);
        String text = args.length > 2 ? args[2] : "feedback";
        String theme = args.length > 3 ? args[3] : "code";
        try {
            List<LinearClassifier.Example> examples = read(file, text, theme);
            out.printf(Locale.ROOT, "%d coded answers, %d themes, %d folds%n", examples.size(),
                    examples.stream().flatMap(e -> e.labels().stream()).distinct().count(), FOLDS);
            Scores s = evaluate(examples, FOLDS, fold -> out.printf(Locale.ROOT, "fold %d of %d done%n", fold, FOLDS));
            out.printf(Locale.ROOT, "micro-F1 %.3f, macro-F1 %.3f (%.1f s)%n", s.micro(), s.macro(), s.millis() / 1000.0);
            Path results = Path.of("benchmarks/results/themes-evaluation.md");
            Files.createDirectories(results.getParent());
            Files.writeString(results, markdown(s, file.getFileName().toString(), text, theme));
            out.println("Written to " + results);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("Cannot evaluate: " + e.getMessage());
            return 1;
        }
    }

    static List<LinearClassifier.Example> read(Path file, String textColumn, String themeColumn) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var csv = new CSVReader(r)) {
            List<String[]> rows = csv.readAll();
            List<String> header = Arrays.asList(rows.getFirst());
            int t = header.indexOf(textColumn);
            int c = header.indexOf(themeColumn);
            if (t < 0 || c < 0) {
                throw new IllegalArgumentException("the file needs columns '" + textColumn + "' and '" + themeColumn + "'; it has " + header);
            }
            var out = new ArrayList<LinearClassifier.Example>();
            for (String[] row : rows.subList(1, rows.size())) {
                if (row.length > Math.max(t, c) && !row[t].isBlank() && !row[c].isBlank()) {
                    out.add(new LinearClassifier.Example(row[t], Set.of(row[c].strip())));
                }
            }
            return out;
        } catch (CsvException e) {
            throw new IllegalArgumentException("the file is not valid CSV: " + e.getMessage());
        }
    }

    /** Stratified k-fold: each theme's answers are dealt round the folds after a fixed shuffle. */
    static Scores evaluate(List<LinearClassifier.Example> examples, int folds, java.util.function.IntConsumer progress) {
        return evaluate(examples, folds, LinearClassifier.Settings.DEFAULT, progress);
    }

    static Scores evaluate(List<LinearClassifier.Example> examples, int folds, LinearClassifier.Settings settings,
                           java.util.function.IntConsumer progress) {
        long start = System.nanoTime();
        var byTheme = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < examples.size(); i++) {
            byTheme.computeIfAbsent(examples.get(i).labels().iterator().next(), k -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[examples.size()];
        var random = new Random(42);
        int next = 0;
        for (List<Integer> members : byTheme.values()) {
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next++ % folds;
            }
        }
        var counts = new LinkedHashMap<String, int[]>();
        byTheme.keySet().forEach(t -> counts.put(t, new int[3]));
        int right = 0;
        for (int f = 0; f < folds; f++) {
            var train = new ArrayList<LinearClassifier.Example>();
            var test = new ArrayList<LinearClassifier.Example>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            LinearClassifier model = LinearClassifier.train(train, settings);
            for (LinearClassifier.Example e : test) {
                String truth = e.labels().iterator().next();
                String guess = model.confidences(e.text()).keySet().iterator().next();
                if (guess.equals(truth)) {
                    right++;
                    counts.get(truth)[0]++;
                } else {
                    counts.computeIfAbsent(guess, k -> new int[3])[1]++;
                    counts.get(truth)[2]++;
                }
            }
            progress.accept(f + 1);
        }
        double macro = counts.values().stream().mapToDouble(ThemeEvaluation::f1).average().orElse(0);
        return new Scores(right / (double) examples.size(), macro, examples.size(), counts.size(), counts,
                (System.nanoTime() - start) / 1_000_000);
    }

    static double f1(int[] c) {
        return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }

    private static String markdown(Scores s, String file, String text, String theme) {
        var sb = new StringBuilder();
        sb.append("# Theme suggestions: cross-validated agreement with people's codes\n\n");
        sb.append("Run: `java -jar target/heard.jar evaluate-themes ../shared/data/").append(file).append(' ').append(text).append(' ')
                .append(theme).append("` on ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n");
        sb.append("Stratified ").append(FOLDS).append("-fold cross-validation over ").append(s.rows()).append(" coded answers and ")
                .append(s.themes()).append(" themes (`").append(theme).append("` column). Each answer's most confident suggestion is ")
                .append("compared with its code, so micro-F1 equals the share suggested rightly.\n\n");
        sb.append("| measure | Heard | reference (TF-IDF words and word pairs + linear SVM) |\n|---|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| micro-F1 | %.3f | about 0.59 |%n", s.micro()));
        sb.append(String.format(Locale.ROOT, "| macro-F1 | %.3f | about 0.33 |%n", s.macro()));
        sb.append(String.format(Locale.ROOT, "%nAll five folds, training and suggesting, took %.1f s.%n%n", s.millis() / 1000.0));
        sb.append("Model: one linear SVM per theme (dual coordinate descent) over sublinear TF-IDF of stemmed words, word pairs and ")
                .append("character 3–5-grams inside words, with each theme's own examples weighted up by (others/own)^0.3.\n\n");
        sb.append("| theme | answers | F1 |\n|---|---|---|\n");
        s.byTheme().forEach((t, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f |%n", t, c[0] + c[2], f1(c))));
        return sb.toString();
    }
}
