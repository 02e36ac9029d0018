package org.heard.search;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.heard.survey.Question;
import org.heard.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The one owner of the Lucene index: the only IndexWriter, and a SearcherManager that searches read
 * from. A new answer is searchable as soon as {@link #index} returns (a near-real-time refresh) and
 * is committed to disk within a second with whatever else arrived meanwhile: a commit per answer
 * would make every submission wait for the disk. An erasure is committed before the call returns.
 * Anything a crash loses between refresh and commit is put back by {@link #reconcile} at start-up.
 */
@Context
public class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** Raised whenever the document layout changes; an index written under another one is rebuilt. */
    static final String FORMAT = "3";
    private static final String FORMAT_KEY = "heard.format";
    /** The vocabulary phrases the index marks; when they change the index is rebuilt. */
    private static final String VOCABULARY_KEY = "heard.vocabulary";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AnswerDocuments documents;
    private final ResponseService responses;
    private final SurveyCatalog catalog;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    private final ThreadLocal<Boolean> batching = ThreadLocal.withInitial(() -> false);
    private final java.util.concurrent.ScheduledExecutorService committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("search-commit").unstarted(r));
    private final FacetOrdinals ordinals = new FacetOrdinals(AnswerDocuments.facetDimensions());
    private final SlicedSearchers slices = new SlicedSearchers(ordinals);
    private final Set<Long> erasedDuringRebuild = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    private final Map<String, String> commitData;

    SearchIndex(SearchConfiguration config, Vocabulary vocabulary, AnswerDocuments documents, ResponseService responses,
                SurveyCatalog catalog) throws IOException {
        this.documents = documents;
        this.responses = responses;
        this.catalog = catalog;
        Path dir = Path.of(config.indexDir());
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        boolean fresh = !DirectoryReader.indexExists(directory);
        // A larger buffer than Lucene's 16 MB flushes fewer, larger segments during a rebuild. A merged
        // segment's facet arrays are built by the merge, in the background: otherwise the next refresh
        // builds them, and that refresh may be a submission waiting for its answer to become searchable.
        this.writer = new IndexWriter(directory, new IndexWriterConfig(vocabulary.index())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setMergedSegmentWarmer(ordinals::of));
        this.commitData = Map.of(FORMAT_KEY, FORMAT, VOCABULARY_KEY, vocabulary.fingerprint());
        Map<String, String> found = fresh ? Map.of() : userData();
        this.searchers = new SearcherManager(writer, slices);
        committer.scheduleWithFixedDelay(this::commitPending, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        if (!FORMAT.equals(found.get(FORMAT_KEY)) || !vocabulary.fingerprint().equals(found.get(VOCABULARY_KEY))) {
            LOG.info("The search index is {}; rebuilding it from the database", fresh ? "missing"
                    : FORMAT.equals(found.get(FORMAT_KEY)) ? "for other vocabulary phrases" : "from an older version");
            // An older index may lay fields out differently, and Lucene refuses to mix layouts: empty it
            // before any answer arrives. Searches keep reading the old view until the rebuild is done.
            writer.deleteAll();
            startRebuild();
        } else {
            Thread.ofVirtual().name("search-reconcile").start(this::reconcile);
        }
    }

    private Map<String, String> userData() {
        var map = new java.util.HashMap<String, String>();
        var data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        return map;
    }

    /** Each counted facet dimension's values, per segment of the searchers this index hands out. */
    FacetOrdinals ordinals() {
        return ordinals;
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Indexes a response's free-text answers (replacing any earlier copy) and makes them searchable. */
    void index(List<AnswerDocuments.Answer> answers) {
        try {
            for (AnswerDocuments.Answer a : answers) {
                var doc = documents.build(a);
                if (doc.isPresent()) {
                    writer.updateDocument(new Term(AnswerDocuments.KEY, AnswerDocuments.key(a.responseId(), a.questionId())), doc.get());
                }
            }
            uncommitted.set(true);
            if (!rebuilding.get() && !batching.get()) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the index into one segment, as Lucene's background merges do a few segments at a time: for tests. */
    void mergeAll() throws IOException {
        writer.forceMerge(1);
    }

    /** Adds many answers with one commit at the end: for loading test corpora, not for live traffic. */
    void bulkAdd(Iterable<AnswerDocuments.Answer> answers) {
        try {
            for (AnswerDocuments.Answer a : answers) {
                var doc = documents.build(a);
                if (doc.isPresent()) {
                    writer.addDocument(doc.get());
                }
            }
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every answer of these responses; when this returns they can no longer be found. */
    void delete(Collection<Long> responseIds) {
        if (rebuilding.get()) {
            // Searches still read the view from before the rebuild, which holds these answers, and the
            // rebuild may have read them from the store a moment before they were erased.
            erasedDuringRebuild.addAll(responseIds);
        }
        try {
            for (long id : responseIds) {
                writer.deleteDocuments(new Term(AnswerDocuments.RESPONSE, String.valueOf(id)));
            }
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs work that submits many responses (an import) on this thread, making what it indexed
     * searchable once at the end rather than after every response.
     */
    public <T> T batched(java.util.function.Supplier<T> work) {
        if (batching.get()) {
            return work.get();
        }
        batching.set(true);
        try {
            return work.get();
        } finally {
            batching.set(false);
            try {
                if (!rebuilding.get()) {
                    searchers.maybeRefreshBlocking();
                }
            } catch (IOException e) {
                LOG.error("Could not refresh the search index after a batch", e);
            }
        }
    }

    /** Commits what {@link #index} added since the last commit; never in the middle of a rebuild. */
    private void commitPending() {
        if (rebuilding.get() || !uncommitted.get()) {
            return;
        }
        try {
            synchronized (this) {
                if (uncommitted.getAndSet(false)) {
                    writer.setLiveCommitData(commitData.entrySet());
                    writer.commit();
                }
            }
        } catch (IOException | RuntimeException e) {
            uncommitted.set(true);
            LOG.warn("Could not commit the search index; will try again", e);
        }
    }

    private synchronized void commitAndRefresh() throws IOException {
        uncommitted.set(false);
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        if (!rebuilding.get()) {
            // During a rebuild searches keep reading the old point-in-time view until it is complete.
            searchers.maybeRefreshBlocking();
        }
    }

    /** Progress of a rebuild: whether one is running, and how many responses of how many are done. */
    @io.micronaut.serde.annotation.Serdeable
    public record Progress(boolean running, long done, long total) {
    }

    public Progress progress() {
        return new Progress(rebuilding.get(), done.get(), total.get());
    }

    /**
     * Rebuilds the whole index from the database. Searches keep answering from the old index until
     * the new one is complete. Returns false when a rebuild is already running.
     */
    public boolean rebuild(LongConsumer onProgress) {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        rebuildClaimed(onProgress);
        return true;
    }

    /**
     * Starts a rebuild in the background; progress shows it running from the moment this returns.
     * Returns false when a rebuild is already running.
     */
    public boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        done.set(0);
        Thread.ofVirtual().name("search-rebuild").start(() -> rebuildClaimed(n -> { }));
        return true;
    }

    private void rebuildClaimed(LongConsumer onProgress) {
        try (var pages = new ResponsePages(responses, 500, 4)) {
            done.set(0);
            total.set(responses.total());
            writer.deleteAll();
            List<StoredResponse> page;
            while (!(page = pages.next()).isEmpty()) {
                for (StoredResponse r : page) {
                    for (AnswerDocuments.Answer a : answers(r)) {
                        var doc = documents.build(a);
                        if (doc.isPresent()) {
                            writer.addDocument(doc.get());
                        }
                    }
                }
                onProgress.accept(done.addAndGet(page.size()));
            }
            // A response erased after its page was read was indexed again above: erase it once more.
            for (long id : erasedDuringRebuild) {
                writer.deleteDocuments(new Term(AnswerDocuments.RESPONSE, String.valueOf(id)));
            }
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild of the search index was interrupted", e);
        } finally {
            // Searchers see the rebuilt index before progress says the rebuild is over: whoever waits for
            // it (the admin page, the reindex command) then finds every answer. Answers indexed meanwhile
            // skipped their own refresh, so the view is refreshed once more after.
            refreshAfterRebuild();
            rebuilding.set(false);
            refreshAfterRebuild();
            erasedDuringRebuild.clear();
        }
    }

    /** Responses erased while a rebuild runs: searches leave them out until the rebuilt view no longer holds them. */
    Set<Long> erasedDuringRebuild() {
        return erasedDuringRebuild;
    }

    private void refreshAfterRebuild() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            LOG.error("Could not refresh the search index after a rebuild", e);
        }
    }

    /**
     * Brings the index level with the database after a restart: answers committed while the
     * service was down, or before a crash, are indexed; responses erased meanwhile are removed.
     */
    void reconcile() {
        try {
            BitSet indexed = indexedResponses();
            var missing = new ArrayList<AnswerDocuments.Answer>();
            BitSet inDatabase = new BitSet();
            long after = 0;
            int added = 0;
            List<StoredResponse> page;
            while (!(page = responses.scan(after, 1000)).isEmpty()) {
                for (StoredResponse r : page) {
                    inDatabase.set((int) r.id());
                    if (!indexed.get((int) r.id())) {
                        missing.addAll(answers(r));
                    }
                    after = r.id();
                }
                if (!missing.isEmpty()) {
                    added += missing.size();
                    index(missing);
                    missing.clear();
                }
            }
            indexed.andNot(inDatabase);
            var gone = indexed.stream().mapToObj(i -> (long) i).toList();
            if (!gone.isEmpty()) {
                delete(gone);
            }
            if (added > 0 || !gone.isEmpty()) {
                LOG.warn("Search index reconciled with the database: {} answers added, {} responses removed", added, gone.size());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not reconcile the search index with the database", e);
        }
    }

    private BitSet indexedResponses() throws IOException {
        var ids = new BitSet();
        IndexSearcher s = acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(AnswerDocuments.RESPONSE);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                BytesRef term;
                while ((term = te.next()) != null) {
                    ids.set(Integer.parseInt(term.utf8ToString()));
                }
            }
        } finally {
            release(s);
        }
        return ids;
    }

    /** The free-text answers of a stored response. */
    List<AnswerDocuments.Answer> answers(StoredResponse r) {
        var out = new ArrayList<AnswerDocuments.Answer>();
        var survey = catalog.find(r.surveyId());
        r.answers().forEach((questionId, values) -> {
            boolean freeText = survey.flatMap(s -> s.question(questionId)).map(Question::type).map(t -> t.isFreeText()).orElse(false);
            if (freeText && !values.isEmpty()) {
                out.add(new AnswerDocuments.Answer(r.id(), r.surveyId(), questionId, r.channel().id(), r.agency(), r.submittedAt(), values.getFirst()));
            }
        });
        return out;
    }

    @PreDestroy
    void close() throws IOException {
        // Let a commit under way finish: interrupting it closes Lucene's file channels under the writer.
        committer.shutdown();
        try {
            committer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slices.close();
        try (directory; writer; searchers) {
            if (uncommitted.get() && !rebuilding.get()) {
                writer.setLiveCommitData(commitData.entrySet());
                writer.commit();
            }
        }
    }
}
