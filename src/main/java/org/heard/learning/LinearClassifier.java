package org.heard.learning;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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
 * Labels text from examples: one linear support vector machine per label (a theme, a safeguarding
 * category)
 * over {@link TextFeatures}, trained by dual coordinate descent (the method LIBLINEAR uses), with
 * rarer labels weighted up so they are not drowned by common ones. Training on ten thousand
 * answers takes a few seconds on two cores; suggesting is a few microseconds an answer.
 */
public final class LinearClassifier {
    /** Maps a margin to a confidence: 0 is the model's boundary (0.5), a margin of 1 is about 0.92. */
    private static final double SLOPE = 2.5;

    private final TextFeatures features;
    private final List<String> labels;
    private final float[][] weights;

    private LinearClassifier(TextFeatures features, List<String> labels, float[][] weights) {
        this.features = features;
        this.labels = labels;
        this.weights = weights;
    }

    /** A labelled text. */
    public record Example(String text, Set<String> labels) {
    }

    /** How the model is trained. */
    public record Settings(double cost, int passes, double balance) {
        public static final Settings DEFAULT = new Settings(0.15, 15, 0.3);
    }

    public static LinearClassifier train(List<Example> examples) {
        return train(examples, Settings.DEFAULT);
    }

    public static LinearClassifier train(List<Example> examples, Settings settings) {
        TextFeatures features = TextFeatures.fit(examples.stream().map(Example::text).toList());
        var vectors = examples.stream().map(e -> features.vector(e.text())).toList();
        var labels = new ArrayList<>(new TreeSet<String>(examples.stream().flatMap(e -> e.labels().stream()).toList()));
        float[][] weights = new float[labels.size()][];
        IntStream.range(0, labels.size()).parallel().forEach(t ->
                weights[t] = trainOne(vectors, examples, labels.get(t), features.size(), settings));
        return new LinearClassifier(features, List.copyOf(labels), weights);
    }

    /** Writes the trained model, to be read back by {@link #read} instead of training it again. */
    public void write(DataOutput out) throws IOException {
        features.write(out);
        out.writeInt(labels.size());
        for (int t = 0; t < labels.size(); t++) {
            out.writeUTF(labels.get(t));
            out.writeInt(weights[t].length);
            for (float w : weights[t]) {
                out.writeFloat(w);
            }
        }
    }

    public static LinearClassifier read(DataInput in) throws IOException {
        TextFeatures features = TextFeatures.read(in);
        int n = Counts.read(in);
        var labels = new ArrayList<String>(n);
        float[][] weights = new float[n][];
        for (int t = 0; t < n; t++) {
            labels.add(in.readUTF());
            weights[t] = new float[Counts.read(in)];
            for (int i = 0; i < weights[t].length; i++) {
                weights[t][i] = in.readFloat();
            }
        }
        return new LinearClassifier(features, List.copyOf(labels), weights);
    }

    public List<String> labels() {
        return labels;
    }

    /** Each label's confidence for a text, highest first. */
    public Map<String, Double> confidences(String text) {
        TextFeatures.Vector x = features.vector(text);
        var scored = new ArrayList<Map.Entry<String, Double>>();
        for (int t = 0; t < labels.size(); t++) {
            scored.add(Map.entry(labels.get(t), 1 / (1 + Math.exp(-SLOPE * score(weights[t], x)))));
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

    private static float[] trainOne(List<TextFeatures.Vector> xs, List<Example> examples, String label, int size,
                                    Settings settings) {
        int n = xs.size();
        int positives = (int) examples.stream().filter(e -> e.labels().contains(label)).count();
        // Weight a label's own examples up by (negatives/positives)^balance: 0 is none, 1 is fully balanced.
        double up = Math.pow(Math.max(1.0, (n - positives) / (double) Math.max(1, positives)), settings.balance());
        float[] w = new float[size + 1];
        double[] alpha = new double[n];
        byte[] y = new byte[n];
        double[] diag = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (examples.get(i).labels().contains(label) ? 1 : -1);
            double cost = settings.cost() * (y[i] == 1 ? up : 1);
            diag[i] = 1 / (2 * cost);
            double norm = 1; // the bias feature
            for (float v : xs.get(i).value()) {
                norm += v * v;
            }
            q[i] = norm + diag[i];
        }
        int[] order = IntStream.range(0, n).toArray();
        var random = new Random(label.hashCode());
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
        return "LinearClassifier" + Arrays.asList(labels.size(), features.size());
    }
}
