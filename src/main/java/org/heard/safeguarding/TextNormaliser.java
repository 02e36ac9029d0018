package org.heard.safeguarding;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts text the way young people type it into one form: lower case, no accents, no apostrophes
 * ("hit's" becomes "hits"), digits used as letters read as letters, letters held down ("hurttttt")
 * shortened, and everything that is not a letter or digit turned into a single space.
 */
final class TextNormaliser {
    private TextNormaliser() {
    }

    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replace("'", "").replace("’", "").replace("`", "");
        s = s.replaceAll("(\\p{L})\\1{2,}", "$1$1");
        var sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '*') {
                sb.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.OTHER_SYMBOL) {
                // An emoji is a word of its own: a knife means something whatever surrounds it.
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.append(' ');
            }
        });
        return sb.toString().trim().replaceAll(" +", " ");
    }
}
