package org.heard.safeguarding;

/** Screens free text for a possible safeguarding disclosure. Implementations are thread-safe. */
public interface Screener {

    ScreenResult screen(String text);

    /** What people read for a category id, as the indicators file names it; the id itself when it names none. */
    default String categoryLabel(String category) {
        return category;
    }
}
