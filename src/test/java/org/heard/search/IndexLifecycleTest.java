package org.heard.search;

import io.micronaut.context.ApplicationContext;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index survives restarts, and is rebuilt by itself when it is missing or from an older version. */
@Tag("db")
class IndexLifecycleTest {

    private static ApplicationContext start(Path dir) {
        return ApplicationContext.run(Map.of("heard.search.index-dir", dir.toString()), "test");
    }

    private static ApplicationContext start(Path dir, Path synonyms) {
        return ApplicationContext.run(Map.of("heard.search.index-dir", dir.toString(), "heard.search.synonyms", synonyms.toString()), "test");
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
        String word = Surveys.uniqueWord();
        try (var ctx = start(dir)) {
            count(ctx, word);
            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("kept across restarts " + word)), null, null));
            assertEquals(1, count(ctx, word));
        }
        try (var ctx = start(dir)) {
            assertEquals(1, count(ctx, word), "the index survives a restart");
        }
        // An index written by an older version: another field layout, and marked with another format.
        try (var fs = FSDirectory.open(dir); var writer = new IndexWriter(fs, new IndexWriterConfig())) {
            writer.deleteAll();
            var old = new Document();
            old.add(new TextField(AnswerDocuments.TEXT, "laid out the old way " + word, Field.Store.YES));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("heard.format", "0").entrySet());
            writer.commit();
        }
        try (var ctx = start(dir)) {
            assertEquals(1, count(ctx, word), "rebuilt from the database");
            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("indexed in the new layout " + word)), null, null));
            assertEquals(2, count(ctx, word), "a new answer is indexed after the rebuild");
        }
        Path missing = Files.createTempDirectory("index").resolve("not-there-yet");
        try (var ctx = start(missing)) {
            assertEquals(2, count(ctx, word), "a missing index is built from the database");
        }
    }

    @Test
    void aChangeToTheVocabularyPhrasesRebuildsTheIndexAndAChangeOfWordsAloneDoesNot(@TempDir Path tmp) throws Exception {
        Path synonyms = tmp.resolve("synonyms.txt");
        Path dir = tmp.resolve("index");
        Files.writeString(synonyms, "cse, child sexual exploitation\n");
        String word = Surveys.uniqueWord();
        try (var ctx = start(dir, synonyms)) {
            count(ctx, word);
            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("a purple elephant in the room " + word)), null, null));
            assertEquals(1, count(ctx, word + " \"purple elephant\""));
            assertEquals(0, count(ctx, word + " zqpe"));
        }
        Files.writeString(synonyms, "cse, child sexual exploitation\nzqpe, purple elephant\n");
        try (var ctx = start(dir, synonyms)) {
            assertEquals(1, count(ctx, word + " zqpe"), "rebuilt, so the answer holds the new phrase's token");
            assertTrue(ctx.getBean(SearchIndex.class).progress().total() > 0, "a rebuild ran");
        }
        Files.writeString(synonyms, "# same phrases, one more word\ncse, child sexual exploitation\nzqpe, zqpachyderm, purple elephant\n");
        try (var ctx = start(dir, synonyms)) {
            assertEquals(1, count(ctx, word + " zqpachyderm"));
            assertEquals(0, ctx.getBean(SearchIndex.class).progress().total(), "no rebuild for a word");
        }
    }

    @Test
    void aMergedSegmentsFacetArraysAreBuiltByTheMergeNotByTheNextSearch(@TempDir Path dir) throws Exception {
        String word = Surveys.uniqueWord();
        try (var ctx = start(dir)) {
            count(ctx, word);
            // Each submission is refreshed on its own, so the index now holds at least two segments.
            for (String text : List.of("first of two " + word, "second of two " + word)) {
                ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                        Map.of("feel-safe", List.of("yes"), "anything-else", List.of(text)), null, null));
            }
            assertEquals(2, count(ctx, word));
            SearchIndex index = ctx.getBean(SearchIndex.class);
            int before = index.ordinals().built();

            index.mergeAll();
            assertEquals(before + 1, index.ordinals().built(), "the merge built the merged segment's arrays, before any searcher saw it");

            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("after the merge " + word)), null, null));
            var found = ctx.getBean(SearchService.class).search(new SearchRequest(word, null, null, null, null, null, null,
                    (LocalDate) null, null, 1, 10, false, null));
            assertEquals(3, found.total());
            assertEquals(3L, found.facets().get("audience").values().stream().mapToLong(Long::longValue).sum(), "counted from the arrays");
            assertEquals(before + 2, index.ordinals().built(), "the refresh after the merge built only the new answer's segment");
        }
    }

    @Test
    void theReindexCommandRebuildsFromTheDatabaseWithAProgressBar(@TempDir Path dir) throws Exception {
        String word = Surveys.uniqueWord();
        try (var ctx = start(dir)) {
            count(ctx, word);
            ctx.getBean(ResponseService.class).submit(new Submission(Surveys.YOUNG, Channel.WEB,
                    Map.of("feel-safe", List.of("yes"), "anything-else", List.of("rebuilt from the command line " + word)), null, null));
            var bytes = new java.io.ByteArrayOutputStream();
            int exit = ReindexCommand.run(ctx, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);

            assertEquals(0, exit);
            long total = ctx.getBean(SearchIndex.class).progress().total();
            assertTrue(total >= 1);
            assertTrue(out.contains("\r[" + "#".repeat(40) + "] " + total + "/" + total), out);
            assertTrue(out.strip().endsWith("Search index rebuilt: " + total + " responses."), out);
            assertEquals(1, count(ctx, word), "the rebuilt index holds the answer");
        }
    }
}
