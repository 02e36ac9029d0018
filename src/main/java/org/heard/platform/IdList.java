package org.heard.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Lists of ids stored as ",a,b," so one id can be matched with LIKE on any of our databases. */
public final class IdList {
    private IdList() {
    }

    public static String encode(Collection<String> ids) {
        return ids.isEmpty() ? "," : "," + String.join(",", ids) + ",";
    }

    public static List<String> decode(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public static String like(String id) {
        return "%," + id.replace("%", "").replace("_", "\\_") + ",%";
    }

    /** Splits what a person typed ("a; b, c") into ids. */
    public static List<String> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[;,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
