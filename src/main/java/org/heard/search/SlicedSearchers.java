package org.heard.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Searchers that search a large index in slices, one per core at a time, on threads of their own: a
 * broad search (every hit counted for the facets) then takes about half as long on two cores when
 * nothing else is running. Searches also run their facet counting and highlighting on these threads.
 */
final class SlicedSearchers extends SearcherFactory implements AutoCloseable {
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final FacetOrdinals ordinals;
    private final ExecutorService threads = Executors.newFixedThreadPool(cores,
            r -> Thread.ofPlatform().daemon().name("search-slice").unstarted(r));

    SlicedSearchers(FacetOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        // New segments' facet arrays are built here, as the searcher opens, not by the first search.
        ordinals.warm(reader);
        return new IndexSearcher(reader, threads) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                // Whole segments in about as many even slices as there are cores.
                return slices(leaves, Math.max(1, reader.maxDoc() / cores + 1), Integer.MAX_VALUE, false);
            }
        };
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
