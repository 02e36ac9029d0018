package org.heard.theme;

import io.micronaut.serde.annotation.Serdeable;
import org.heard.search.FoundAnswer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What is distinctive about a set of answers: terms and phrases that occur in it far more than in
 * the rest of the corpus (scored by log-likelihood, as corpus linguists do), and clusters of answers
 * that say similar things (spherical k-means over TF-IDF terms), each with a readable label, its
 * size, its share by audience and representative quotes. Pure computation; the caller chooses the
 * answers and says which may be quoted.
 */
final class Discovery {
    private static final int MIN_DOCS = 3;
    private static final int ITERATIONS = 12;

    private Discovery() {
    }

    @Serdeable
    record Term(String term, boolean phrase, int inSet, int inRest, double score) {
    }

    /** A ready-made theme to promote into a codebook with one call. */
    @Serdeable
    record Cluster(String label, int size, Map<String, Double> shareByAudience, List<String> terms, List<String> quotes,
                   Codebook.Theme theme) {
        /** "Children and young people 75%, Frontline staff 25%" for the page. */
        public String audienceText() {
            var parts = new ArrayList<String>();
            shareByAudience.forEach((a, share) -> parts.add(org.heard.survey.Audience.labelOf(a) + " " + Math.round(share) + "%"));
            return String.join(", ", parts);
        }
    }

    /** {@code matching} counts every answer the filters matched: more than {@code answers} when only the newest were read. */
    @Serdeable
    record Result(int answers, int rest, List<Term> terms, List<Cluster> clusters, long matching) {
        @com.fasterxml.jackson.annotation.JsonProperty("partial")
        public boolean partial() {
            return matching > answers;
        }

        /** The same result, out of this many answers that matched. */
        Result outOf(long all) {
            return new Result(answers, rest, terms, clusters, all);
        }
    }

    /**
     * @param set          the chosen answers
     * @param rest         the rest of the corpus to compare with (may be empty)
     * @param clusters     how many clusters to find at most
     * @param minimumQuote a cluster needs at least this many answers before any of it is quoted
     * @param quotable     which answers may be quoted (not flagged as possible disclosures)
     */
    static Result discover(List<FoundAnswer> set, List<FoundAnswer> rest, int clusters, int minimumQuote, Predicate<FoundAnswer> quotable) {
        var terms = new Terms();
        List<Set<String>> docs = set.stream().map(a -> terms.of(a.text())).toList();
        var inSet = new HashMap<String, Integer>();
        docs.forEach(d -> d.forEach(t -> inSet.merge(t, 1, Integer::sum)));
        var inRest = new HashMap<String, Integer>();
        var restTerms = new Terms();
        for (FoundAnswer a : rest) {
            restTerms.of(a.text()).forEach(t -> inRest.merge(t, 1, Integer::sum));
        }
        List<Term> significant = significant(terms, inSet, inRest, set.size(), rest.size());
        return new Result(set.size(), rest.size(), significant, cluster(set, docs, inSet, terms, clusters, minimumQuote, quotable), set.size());
    }

    private static List<Term> significant(Terms terms, Map<String, Integer> inSet, Map<String, Integer> inRest, int n, int m) {
        var out = new ArrayList<Term>();
        inSet.forEach((t, a) -> {
            if (a < MIN_DOCS) {
                return;
            }
            int b = inRest.getOrDefault(t, 0);
            double score;
            if (m == 0) {
                // Nothing to compare with: rank by how widely the term is used in the set.
                score = a;
            } else {
                if ((a + 0.5) / n <= (b + 0.5) / m) {
                    return;
                }
                score = logLikelihood(a, n, b, m);
            }
            out.add(new Term(terms.display(t), Terms.isPhrase(t), a, b, Math.round(score * 100) / 100.0));
        });
        out.sort(Comparator.comparingDouble(Term::score).reversed().thenComparing(Term::term));
        return out.subList(0, Math.min(30, out.size()));
    }

    /** Dunning's G² for a term seen in a of n documents here and b of m elsewhere. */
    static double logLikelihood(int a, int n, int b, int m) {
        double e1 = n * (a + b) / (double) (n + m);
        double e2 = m * (a + b) / (double) (n + m);
        double g = 0;
        if (a > 0) {
            g += a * Math.log(a / e1);
        }
        if (b > 0) {
            g += b * Math.log(b / e2);
        }
        return 2 * g;
    }

    private static List<Cluster> cluster(List<FoundAnswer> set, List<Set<String>> docs, Map<String, Integer> df, Terms terms,
                                         int k, int minimumQuote, Predicate<FoundAnswer> quotable) {
        // Terms used by at least two answers, and (in all but small sets) by no more than half, carry the grouping.
        var vocabulary = new TreeMap<String, Integer>();
        df.forEach((t, n) -> {
            if (n >= 2 && (n <= 0.5 * docs.size() || docs.size() < 20)) {
                vocabulary.put(t, 0);
            }
        });
        int id = 0;
        var names = new String[vocabulary.size()];
        for (var e : vocabulary.entrySet()) {
            e.setValue(id);
            names[id++] = e.getKey();
        }
        double[] idf = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            idf[i] = Math.log((1.0 + docs.size()) / (1 + df.get(names[i]))) + 1;
        }
        var vectors = new ArrayList<int[]>();
        var weights = new ArrayList<double[]>();
        var members = new ArrayList<Integer>();
        for (int d = 0; d < docs.size(); d++) {
            int[] idx = docs.get(d).stream().filter(vocabulary::containsKey).mapToInt(vocabulary::get).sorted().toArray();
            if (idx.length == 0) {
                continue;
            }
            double[] w = new double[idx.length];
            double norm = 0;
            for (int i = 0; i < idx.length; i++) {
                w[i] = idf[idx[i]];
                norm += w[i] * w[i];
            }
            for (int i = 0; i < idx.length; i++) {
                w[i] /= Math.sqrt(norm);
            }
            vectors.add(idx);
            weights.add(w);
            members.add(d);
        }
        int n = vectors.size();
        k = Math.min(k, n / 2);
        if (k < 1 || names.length == 0) {
            return List.of();
        }
        double[][] centroids = seed(vectors, weights, k, names.length);
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean moved = false;
            for (int d = 0; d < n; d++) {
                int best = nearest(centroids, vectors.get(d), weights.get(d));
                moved |= best != assignment[d] || iteration == 0;
                assignment[d] = best;
            }
            centroids = recompute(vectors, weights, assignment, k, names.length);
            if (!moved) {
                break;
            }
        }
        var out = new ArrayList<Cluster>();
        final double[][] finalCentroids = centroids;
        for (int c = 0; c < k; c++) {
            final int cluster = c;
            List<Integer> in = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                if (assignment[d] == c) {
                    in.add(d);
                }
            }
            if (in.size() < 2) {
                continue;
            }
            List<String> top = topTerms(centroids[c], names, 5);
            String label = labelOf(top.subList(0, Math.min(3, top.size())), terms);
            var audiences = new TreeMap<String, Double>();
            in.forEach(d -> audiences.merge(set.get(members.get(d)).audience(), 1.0, Double::sum));
            audiences.replaceAll((a, count) -> Math.round(1000 * count / in.size()) / 10.0);
            List<String> quotes = List.of();
            if (in.size() >= minimumQuote) {
                quotes = in.stream().sorted(Comparator.comparingDouble((Integer d) -> -dot(finalCentroids[cluster], vectors.get(d), weights.get(d))))
                        .map(d -> set.get(members.get(d))).filter(quotable).limit(5).map(FoundAnswer::text).toList();
            }
            List<String> display = top.stream().map(terms::display).toList();
            String query = String.join(" OR ", top.subList(0, Math.min(3, top.size())).stream()
                    .map(t -> Terms.isPhrase(t) ? "\"" + terms.display(t) + "\"" : terms.display(t)).toList());
            out.add(new Cluster(label, in.size(), audiences, display, quotes, new Codebook.Theme(label,
                    "Found in " + in.size() + " answers by theme discovery; its commonest terms: " + String.join(", ", display) + ".",
                    null, query)));
        }
        out.sort(Comparator.comparingInt(Cluster::size).reversed());
        return out;
    }

    private static String labelOf(List<String> top, Terms terms) {
        String label = String.join(" / ", top.stream().map(terms::display).toList());
        return label.isEmpty() ? "Other" : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static List<String> topTerms(double[] centroid, String[] names, int limit) {
        Integer[] order = new Integer[centroid.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -centroid[i]).thenComparing(i -> names[i]));
        var out = new ArrayList<String>();
        for (int i = 0; i < order.length && out.size() < limit; i++) {
            String t = names[order[i]];
            // A phrase already says what its words say: skip a word inside a phrase already taken, and the reverse.
            if (centroid[order[i]] > 0 && out.stream().noneMatch(o -> contains(o, t) || contains(t, o))) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean contains(String phrase, String word) {
        return Terms.isPhrase(phrase) && Arrays.asList(phrase.split(" ")).contains(word);
    }

    /** k-means++ seeding with a fixed seed, so the same answers always give the same clusters. */
    private static double[][] seed(List<int[]> vectors, List<double[]> weights, int k, int dims) {
        var random = new Random(42);
        double[][] centroids = new double[k][dims];
        int first = random.nextInt(vectors.size());
        set(centroids[0], vectors.get(first), weights.get(first));
        double[] distance = new double[vectors.size()];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int d = 0; d < vectors.size(); d++) {
                double best = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    best = Math.min(best, 1 - dot(centroids[j], vectors.get(d), weights.get(d)));
                }
                distance[d] = best * best;
                total += distance[d];
            }
            double r = random.nextDouble() * total;
            int pick = 0;
            for (double acc = 0; pick < vectors.size() - 1; pick++) {
                acc += distance[pick];
                if (acc >= r) {
                    break;
                }
            }
            set(centroids[c], vectors.get(pick), weights.get(pick));
        }
        return centroids;
    }

    private static void set(double[] centroid, int[] idx, double[] w) {
        for (int i = 0; i < idx.length; i++) {
            centroid[idx[i]] = w[i];
        }
    }

    private static int nearest(double[][] centroids, int[] idx, double[] w) {
        int best = 0;
        double bestScore = -1;
        for (int c = 0; c < centroids.length; c++) {
            double s = dot(centroids[c], idx, w);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    private static double[][] recompute(List<int[]> vectors, List<double[]> weights, int[] assignment, int k, int dims) {
        double[][] centroids = new double[k][dims];
        for (int d = 0; d < vectors.size(); d++) {
            int[] idx = vectors.get(d);
            double[] w = weights.get(d);
            for (int i = 0; i < idx.length; i++) {
                centroids[assignment[d]][idx[i]] += w[i];
            }
        }
        for (double[] c : centroids) {
            double norm = Math.sqrt(Arrays.stream(c).map(x -> x * x).sum());
            if (norm > 0) {
                for (int i = 0; i < c.length; i++) {
                    c[i] /= norm;
                }
            }
        }
        return centroids;
    }

    private static double dot(double[] centroid, int[] idx, double[] w) {
        double s = 0;
        for (int i = 0; i < idx.length; i++) {
            s += centroid[idx[i]] * w[i];
        }
        return s;
    }
}
