package org.heard;

import io.micronaut.runtime.Micronaut;
import org.heard.cli.ValidateCommand;
import org.heard.platform.DataDirectory;

/**
 * Starts the Heard service, or runs one command: {@code validate [DIR]} checks the survey,
 * framework and codebook files without starting anything.
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args, System.out));
        }
        DataDirectory.prepare();
        Micronaut.run(Application.class, args);
    }
}
