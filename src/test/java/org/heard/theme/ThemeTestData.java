package org.heard.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up answers about three themes, worded in many ways so a model has to generalise from the
 * examples it is given rather than memorise them.
 */
final class ThemeTestData {
    static final String WAITING = "Waiting for help";
    static final String LISTENED = "Being listened to";
    static final String ONLINE = "Online safety";

    private static final String[][] WORDS = {
            {"waited", "waiting", "weeks", "months", "appointment", "delay", "slow", "queue", "ages", "list"},
            {"listened", "listen", "heard", "believed", "ignored", "understood", "respect", "opinion", "voice", "mattered"},
            {"online", "phone", "messages", "snapchat", "instagram", "pictures", "stranger", "internet", "chat", "app"},
    };
    private static final String[] FILLER = {"my", "the", "and", "it", "was", "really", "school", "mum", "worker", "felt", "so",
            "they", "when", "I", "about", "at", "then", "a", "lot", "time"};

    private ThemeTestData() {
    }

    record Row(String id, String text, String theme) {
    }

    static String theme(int i) {
        return switch (i) {
            case 0 -> WAITING;
            case 1 -> LISTENED;
            default -> ONLINE;
        };
    }

    /** {@code n} rows cycling through the three themes, each with two theme words among everyday words. */
    static List<Row> rows(String prefix, int n, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<Row>();
        for (int i = 0; i < n; i++) {
            int t = i % 3;
            var words = new ArrayList<String>();
            for (int w = 0; w < 8; w++) {
                words.add(FILLER[random.nextInt(FILLER.length)]);
            }
            words.add(random.nextInt(words.size()), WORDS[t][random.nextInt(WORDS[t].length)]);
            words.add(random.nextInt(words.size()), WORDS[t][random.nextInt(WORDS[t].length)]);
            out.add(new Row(prefix + i, String.join(" ", words), theme(t)));
        }
        return out;
    }

    static String csv(List<Row> rows, boolean withThemes) {
        var sb = new StringBuilder("id,text,themes\n");
        for (Row r : rows) {
            sb.append(r.id()).append(',').append(r.text()).append(',').append(withThemes ? r.theme() : "").append('\n');
        }
        return sb.toString();
    }
}
