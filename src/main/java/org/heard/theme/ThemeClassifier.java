package org.heard.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Suggests themes for a text from hand-coded examples: one linear support vector machine per theme
 * over {@link TextFeatures}, trained by dual coordinate descent (the method LIBLINEAR uses), with
 * rarer themes weighted up so they are not drowned by common ones. Training on ten thousand
 * answers takes a few seconds on two cores; suggesting is a few microseconds an answer.
 */
final class ThemeClassifier {
    /** Maps a margin to a confidence: 0 is the model's boundary (0.5), a margin of 1 is about 0.92. */
    private static final double SLOPE = 2.5;

    private final TextFeatures features;
    private final List<String> themes;
    private final float[][] weights;

    private ThemeClassifier(TextFeatures features, List<String> themes, float[][] weights) {
        this.features = features;
        this.themes = themes;
        this.weights = weights;
    }

    /** A hand-coded text. */
    record Example(String text, Set<String> themes) {
    }

    /** How the model is trained. */
    record Settings(double cost, int passes, double balance) {
        static final Settings DEFAULT = new Settings(0.15, 15, 0.3);
    }

    static ThemeClassifier train(List<Example> examples) {
        return train(examples, Settings.DEFAULT);
    }

    static ThemeClassifier train(List<Example> examples, Settings settings) {
        TextFeatures features = TextFeatures.fit(examples.stream().map(Example::text).toList());
        var vectors = examples.stream().map(e -> features.vector(e.text())).toList();
        var themes = new ArrayList<>(new TreeSet<String>(examples.stream().flatMap(e -> e.themes().stream()).toList()));
        float[][] weights = new float[themes.size()][];
        IntStream.range(0, themes.size()).parallel().forEach(t ->
                weights[t] = trainOne(vectors, examples, themes.get(t), features.size(), settings));
        return new ThemeClassifier(features, List.copyOf(themes), weights);
    }

    List<String> themes() {
        return themes;
    }

    /** Each theme's confidence for a text, highest first. */
    Map<String, Double> confidences(String text) {
        TextFeatures.Vector x = features.vector(text);
        var scored = new ArrayList<Map.Entry<String, Double>>();
        for (int t = 0; t < themes.size(); t++) {
            scored.add(Map.entry(themes.get(t), 1 / (1 + Math.exp(-SLOPE * score(weights[t], x)))));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        var out = new LinkedHashMap<String, Double>();
        scored.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static double score(float[] w, TextFeatures.Vector x) {
        double s = w[w.length - 1];
        int[] index = x.index();
        float[] value = x.value();
        for (int i = 0; i < index.length; i++) {
            s += w[index[i]] * value[i];
        }
        return s;
    }

    private static float[] trainOne(List<TextFeatures.Vector> xs, List<Example> examples, String theme, int size,
                                    Settings settings) {
        int n = xs.size();
        int positives = (int) examples.stream().filter(e -> e.themes().contains(theme)).count();
        // Weight a theme's own examples up by (negatives/positives)^balance: 0 is none, 1 is fully balanced.
        double up = Math.pow(Math.max(1.0, (n - positives) / (double) Math.max(1, positives)), settings.balance());
        float[] w = new float[size + 1];
        double[] alpha = new double[n];
        byte[] y = new byte[n];
        double[] diag = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (examples.get(i).themes().contains(theme) ? 1 : -1);
            double cost = settings.cost() * (y[i] == 1 ? up : 1);
            diag[i] = 1 / (2 * cost);
            double norm = 1; // the bias feature
            for (float v : xs.get(i).value()) {
                norm += v * v;
            }
            q[i] = norm + diag[i];
        }
        int[] order = IntStream.range(0, n).toArray();
        var random = new Random(theme.hashCode());
        for (int pass = 0; pass < settings.passes(); pass++) {
            shuffle(order, random);
            double largest = 0;
            for (int i : order) {
                TextFeatures.Vector x = xs.get(i);
                double g = y[i] * score(w, x) - 1 + diag[i] * alpha[i];
                double projected = alpha[i] > 0 ? g : Math.min(g, 0);
                if (projected == 0) {
                    continue;
                }
                largest = Math.max(largest, Math.abs(projected));
                double old = alpha[i];
                alpha[i] = Math.max(old - g / q[i], 0);
                float step = (float) ((alpha[i] - old) * y[i]);
                int[] index = x.index();
                float[] value = x.value();
                for (int k = 0; k < index.length; k++) {
                    w[index[k]] += step * value[k];
                }
                w[size] += step;
            }
            if (largest < 0.01) {
                break;
            }
        }
        return w;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return "ThemeClassifier" + Arrays.asList(themes.size(), features.size());
    }
}
