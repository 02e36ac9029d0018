package org.heard;

import io.micronaut.runtime.Micronaut;
import org.heard.platform.DataDirectory;

/** Starts the Heard service. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        DataDirectory.prepare();
        Micronaut.run(Application.class, args);
    }
}
