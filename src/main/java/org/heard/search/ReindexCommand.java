package org.heard.search;

import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;

/**
 * {@code java -jar heard.jar reindex}: rebuilds the search index from the database without starting
 * the web server, drawing a progress bar as it goes.
 */
public final class ReindexCommand {
    private ReindexCommand() {
    }

    public static int run(ApplicationContext context, PrintStream out) {
        SearchIndex index = context.getBean(SearchIndex.class);
        // A rebuild may already be under way if the index was missing or old; wait for it instead.
        while (index.progress().running()) {
            bar(out, index.progress());
            sleep();
        }
        boolean started = index.rebuild(done -> bar(out, index.progress()));
        bar(out, index.progress());
        out.println();
        out.println(started ? "Search index rebuilt: " + index.progress().done() + " responses." : "A rebuild was already running.");
        return 0;
    }

    private static void bar(PrintStream out, SearchIndex.Progress p) {
        int width = 40;
        int filled = p.total() == 0 ? width : (int) (width * p.done() / p.total());
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + p.done() + "/" + p.total());
        out.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
