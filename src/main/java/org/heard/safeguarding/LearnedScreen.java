package org.heard.safeguarding;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A second opinion learned from labelled examples (surveys/safeguarding/examples.csv: text, label,
 * categories): one logistic model per category over words and word pairs. Rules catch what they
 * were written for; this catches new wordings of the same things. Partnerships teach it by adding
 * examples; it is trained at start-up in well under a second.
 */
final class LearnedScreen {
    private static final int EPOCHS = 40;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-4;

    private final Map<String, Integer> vocabulary;
    private final Map<String, double[]> weights;
    private final double threshold;

    private LearnedScreen(Map<String, Integer> vocabulary, Map<String, double[]> weights, double threshold) {
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.threshold = threshold;
    }

    record Example(String text, Set<String> categories) {
    }

    static LearnedScreen train(Path file, double threshold) throws IOException {
        List<Example> examples = read(file);
        var vocabulary = new HashMap<String, Integer>();
        var encoded = new ArrayList<int[]>();
        for (Example e : examples) {
            encoded.add(features(e.text()).stream().mapToInt(f -> vocabulary.computeIfAbsent(f, k -> vocabulary.size())).toArray());
        }
        var categories = new LinkedHashSet<String>();
        examples.forEach(e -> categories.addAll(e.categories()));
        var weights = new LinkedHashMap<String, double[]>();
        var random = new Random(7);
        for (String c : categories) {
            double[] w = new double[vocabulary.size() + 1];
            var order = new ArrayList<Integer>();
            for (int i = 0; i < examples.size(); i++) {
                order.add(i);
            }
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                java.util.Collections.shuffle(order, random);
                for (int i : order) {
                    double y = examples.get(i).categories().contains(c) ? 1 : 0;
                    double p = sigmoid(score(w, encoded.get(i)));
                    double g = p - y;
                    // Positives are rarer than negatives for each category: weight them up.
                    double weight = y == 1 ? 4 : 1;
                    for (int f : encoded.get(i)) {
                        w[f] -= RATE * (weight * g + L2 * w[f]);
                    }
                    w[w.length - 1] -= RATE * weight * g;
                }
            }
            weights.put(c, w);
        }
        return new LearnedScreen(Map.copyOf(vocabulary), weights, threshold);
    }

    /** The categories whose model is confident enough, with its confidence. */
    Map<String, Double> categories(String text) {
        int[] f = features(text).stream().filter(vocabulary::containsKey).mapToInt(vocabulary::get).toArray();
        var out = new LinkedHashMap<String, Double>();
        weights.forEach((c, w) -> {
            double p = sigmoid(score(w, f));
            if (p >= threshold) {
                out.put(c, p);
            }
        });
        return out;
    }

    private static double score(double[] w, int[] features) {
        double s = w[w.length - 1];
        for (int f : features) {
            s += w[f];
        }
        return s;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static List<String> features(String text) {
        String[] words = TextNormaliser.normalise(text).split(" ");
        var out = new LinkedHashSet<String>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            String w = stem(words[i]);
            out.add(w);
            if (i + 1 < words.length) {
                out.add(w + "_" + stem(words[i + 1]));
            }
        }
        return new ArrayList<>(out);
    }

    /** A light stem, enough to join hit/hits/hitting and touched/touches. */
    private static String stem(String w) {
        for (String end : new String[] {"ing", "ed", "es", "s"}) {
            if (w.length() > end.length() + 2 && w.endsWith(end)) {
                return w.substring(0, w.length() - end.length());
            }
        }
        return w;
    }

    private static List<Example> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var csv = new CSVReader(r)) {
            List<String[]> rows = csv.readAll();
            var out = new ArrayList<Example>();
            for (String[] row : rows.subList(1, rows.size())) {
                if (row.length < 3) {
                    continue;
                }
                boolean disclosure = row[1].strip().equals("disclosure");
                out.add(new Example(row[0], disclosure && !row[2].isBlank() ? Set.of(row[2].split(";")) : Set.of()));
            }
            return out;
        } catch (CsvException e) {
            throw new IOException("The examples file " + file + " is not valid CSV: " + e.getMessage(), e);
        }
    }
}
