package org.heard.search;

import io.micronaut.context.ApplicationContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index survives restarts, and is rebuilt by itself when it is missing or from an older version. */
@Tag("db")
class IndexLifecycleTest {

    private static ApplicationContext start(Path dir) {
        return ApplicationContext.run(Map.of("heard.search.index-dir", dir.toString()), "test");
    }

    private static long count(ApplicationContext ctx, String word) throws InterruptedException {
        SearchIndex index = ctx.getBean(SearchIndex.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (index.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return ctx.getBean(SearchService.class).search(new SearchRequest(word, null, null, null, null, null, null,
                (LocalDate) null, null, 1, 10, false, null)).total();
    }

    @Test
    void survivesARestartAndRebuildsAnIndexFromAnOlderVersion() throws Exception {
        Path dir = Files.createTempDirectory("index");
        String word = "zq" + Surveys.unique("w").replaceAll("[^a-z]", "");
        try (var ctx = start(dir)) {
            count(ctx, word);
            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("kept across restarts " + word)), null, null));
            assertEquals(1, count(ctx, word));
        }
        try (var ctx = start(dir)) {
            assertEquals(1, count(ctx, word), "the index survives a restart");
        }
        // An index written by an older version: emptied, and marked with another format.
        try (var fs = FSDirectory.open(dir); var writer = new IndexWriter(fs, new IndexWriterConfig())) {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of("heard.format", "0").entrySet());
            writer.commit();
        }
        try (var ctx = start(dir)) {
            assertEquals(1, count(ctx, word), "rebuilt from the database");
        }
        Path missing = Files.createTempDirectory("index").resolve("not-there-yet");
        try (var ctx = start(missing)) {
            assertEquals(1, count(ctx, word), "a missing index is built from the database");
        }
    }
}
