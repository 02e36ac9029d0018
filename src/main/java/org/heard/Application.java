package org.heard;

import io.micronaut.runtime.Micronaut;

/** Starts the Heard service. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
