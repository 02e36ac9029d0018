package org.heard.safeguarding;

/** Screens free text for a possible safeguarding disclosure. Implementations are thread-safe. */
public interface Screener {

    ScreenResult screen(String text);
}
