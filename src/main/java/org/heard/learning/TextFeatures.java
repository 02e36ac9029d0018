package org.heard.learning;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into the sparse TF-IDF vectors the theme classifier reads: stemmed words, word pairs
 * and character n-grams inside words. The character n-grams are what let it read misspellings and
 * run-together words ("recieved", "waitingtime") that people really write.
 */
public final class TextFeatures {
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    private final Map<String, Integer> vocabulary;
    private final float[] idf;

    private TextFeatures(Map<String, Integer> vocabulary, float[] idf) {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /** A sparse, length-normalised vector: parallel arrays of feature index and weight. */
    public record Vector(int[] index, float[] value) {
        static final Vector EMPTY = new Vector(new int[0], new float[0]);
    }

    /** Writes the vocabulary and its weights, to be read back by {@link #read}. */
    void write(DataOutput out) throws IOException {
        String[] terms = new String[vocabulary.size()];
        vocabulary.forEach((term, id) -> terms[id] = term);
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
    }

    static TextFeatures read(DataInput in) throws IOException {
        int n = Counts.read(in);
        var vocabulary = new HashMap<String, Integer>(n * 4 / 3 + 1);
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            vocabulary.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        return new TextFeatures(vocabulary, idf);
    }

    /** Learns the vocabulary and document frequencies from the training texts. */
    public static TextFeatures fit(List<String> texts) {
        var vocabulary = new HashMap<String, Integer>();
        var df = new ArrayList<Integer>();
        for (String text : texts) {
            for (String term : counts(text).keySet()) {
                Integer id = vocabulary.get(term);
                if (id == null) {
                    vocabulary.put(term, vocabulary.size());
                    df.add(1);
                } else {
                    df.set(id, df.get(id) + 1);
                }
            }
        }
        float[] idf = new float[df.size()];
        double n = texts.size();
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((1 + n) / (1 + df.get(i))) + 1);
        }
        return new TextFeatures(vocabulary, idf);
    }

    public int size() {
        return idf.length;
    }

    public Vector vector(String text) {
        Map<String, Integer> counts = counts(text);
        var index = new int[counts.size()];
        var value = new float[counts.size()];
        int n = 0;
        double norm = 0;
        for (var e : counts.entrySet()) {
            Integer id = vocabulary.get(e.getKey());
            if (id == null) {
                continue;
            }
            float w = (float) ((1 + Math.log(e.getValue())) * idf[id]);
            index[n] = id;
            value[n] = w;
            norm += w * w;
            n++;
        }
        if (n == 0) {
            return Vector.EMPTY;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            value[i] *= scale;
        }
        return new Vector(java.util.Arrays.copyOf(index, n), java.util.Arrays.copyOf(value, n));
    }

    /** Every feature of a text with how often it occurs. */
    static Map<String, Integer> counts(String text) {
        var out = new HashMap<String, Integer>();
        List<String> words = words(text);
        var stemmer = new EnglishStemmer();
        String previous = null;
        for (String word : words) {
            stemmer.setCurrent(word);
            stemmer.stem();
            String stem = stemmer.getCurrent();
            out.merge("w:" + stem, 1, Integer::sum);
            if (previous != null) {
                out.merge("p:" + previous + " " + stem, 1, Integer::sum);
            }
            previous = stem;
            String padded = " " + word + " ";
            for (int g = MIN_GRAM; g <= MAX_GRAM; g++) {
                for (int i = 0; i + g <= padded.length(); i++) {
                    out.merge(padded.substring(i, i + g), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** Lower-case words of letters and digits; apostrophes are dropped so "didn't" is one word. */
    public static List<String> words(String text) {
        var out = new ArrayList<String>();
        var word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if ((c == '\'' || c == '’') && !word.isEmpty()) {
                continue;
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }
}
