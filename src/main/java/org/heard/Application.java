package org.heard;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.heard.cli.ValidateCommand;
import org.heard.platform.DataDirectory;
import org.heard.search.ReindexCommand;
import org.heard.theme.ThemeEvaluation;

/**
 * Starts the Heard service, or runs one command: {@code validate [DIR]} checks the survey,
 * framework and codebook files without starting anything; {@code reindex} rebuilds the search index;
 * {@code evaluate-themes FILE} measures theme suggestions against people's codes.
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals("evaluate-themes")) {
            System.exit(ThemeEvaluation.run(args, System.out));
        }
        DataDirectory.prepare();
        if (args.length > 0 && args[0].equals("reindex")) {
            // The database and index, without the web server.
            try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                    .properties(java.util.Map.of("micronaut.server.enabled", false)).start()) {
                System.exit(ReindexCommand.run(context, System.out));
            }
        }
        Micronaut.run(Application.class, args);
    }
}
