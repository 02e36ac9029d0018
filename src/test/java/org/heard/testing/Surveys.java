package org.heard.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data for the surveys in src/test/resources/test-surveys. */
public final class Surveys {
    public static final String EVERY_TYPE = "every-type";
    public static final String YOUNG = "young-voices";
    public static final String STAFF = "staff-check";
    public static final String CLOSED = "closed-survey";

    private Surveys() {
    }

    /** A complete, valid set of answers to every-type, with a unique story so tests can find it. */
    public static Map<String, List<String>> everyTypeAnswers(String story) {
        var m = new LinkedHashMap<String, List<String>>();
        m.put("colour", List.of("blue"));
        m.put("pets", List.of("cat", "dog"));
        m.put("dog-name", List.of("Rex"));
        m.put("happy", List.of("4"));
        m.put("safe", List.of("yes"));
        m.put("story", List.of(story));
        m.put("age", List.of("12"));
        m.put("when", List.of("2026-05-01"));
        m.put("agency", List.of("police"));
        return m;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * A word no other answer holds, letters only so the analyser keeps it whole: "zq" and twelve random
     * letters. The test database outlives a run, so a word must stay unique across runs as well.
     */
    public static String uniqueWord() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var sb = new StringBuilder("zq");
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
