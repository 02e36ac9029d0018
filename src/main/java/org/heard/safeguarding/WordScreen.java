package org.heard.safeguarding;

import org.heard.learning.Counts;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One logistic model per category over words and word pairs: what the examples say in so many words.
 * Sure of itself only on wordings close to the examples, so it rarely flags an ordinary answer.
 */
final class WordScreen {
    private static final int EPOCHS = 40;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-4;

    private final Map<String, Integer> vocabulary;
    private final Map<String, double[]> weights;
    private final double threshold;

    private WordScreen(Map<String, Integer> vocabulary, Map<String, double[]> weights, double threshold) {
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.threshold = threshold;
    }

    /** Writes the trained reader, to be read back by {@link #read} instead of training it again. */
    void write(DataOutput out) throws IOException {
        out.writeDouble(threshold);
        String[] words = new String[vocabulary.size()];
        vocabulary.forEach((word, id) -> words[id] = word);
        out.writeInt(words.length);
        for (String w : words) {
            out.writeUTF(w);
        }
        out.writeInt(weights.size());
        for (var e : weights.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (double w : e.getValue()) {
                out.writeDouble(w);
            }
        }
    }

    static WordScreen read(DataInput in) throws IOException {
        double threshold = in.readDouble();
        int n = Counts.read(in);
        var vocabulary = new HashMap<String, Integer>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            vocabulary.put(in.readUTF(), i);
        }
        int categories = Counts.read(in);
        var weights = new LinkedHashMap<String, double[]>();
        for (int c = 0; c < categories; c++) {
            String category = in.readUTF();
            double[] w = new double[Counts.read(in)];
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readDouble();
            }
            weights.put(category, w);
        }
        return new WordScreen(Map.copyOf(vocabulary), weights, threshold);
    }

    static WordScreen train(List<LearnedScreen.Example> examples, double threshold) {
        var vocabulary = new HashMap<String, Integer>();
        var encoded = new ArrayList<int[]>();
        for (LearnedScreen.Example e : examples) {
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
        return new WordScreen(Map.copyOf(vocabulary), weights, threshold);
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
}
