package org.heard.learning;

import java.io.DataInput;
import java.io.IOException;

/** Reading the sizes written before each part of a saved model. */
public final class Counts {
    /**
     * Far above any real model (a vocabulary of a few hundred thousand terms), far below what would
     * exhaust the heap: a damaged file is refused here rather than by an allocation that stops the service.
     */
    private static final int MOST = 1 << 24;

    private Counts() {
    }

    public static int read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MOST) {
            throw new IOException("a saved size of " + n + " cannot be right");
        }
        return n;
    }
}
