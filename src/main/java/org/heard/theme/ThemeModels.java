package org.heard.theme;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.heard.learning.LinearClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The suggestion model of each codebook, learned from its hand codes. When codes change the model
 * is learned again in the background; a caller that needs suggestions before that has finished
 * learns it there and then, so a suggestion never comes from codes older than the request.
 */
@Singleton
class ThemeModels {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeModels.class);
    /** Fewer hand-coded answers than this teach nothing worth suggesting. */
    static final int MIN_EXAMPLES = 4;

    private final Codes codes;
    private final Map<Long, Model> models = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "theme-models");
        t.setDaemon(true);
        return t;
    });

    ThemeModels(Codes codes) {
        this.codes = codes;
    }

    /** A learned model and the codes version it was learned from; the classifier is empty below {@link #MIN_EXAMPLES}. */
    record Model(long version, Optional<LinearClassifier> classifier, int examples) {
    }

    /** The model for the codebook's current codes, learning it now if it is out of date. */
    Model current(Codebooks.Stored cb) {
        Model m = models.get(cb.id());
        if (m != null && m.version() == cb.codesVersion()) {
            return m;
        }
        synchronized (lock(cb.id())) {
            m = models.get(cb.id());
            if (m != null && m.version() >= cb.codesVersion()) {
                return m;
            }
            return learn(cb);
        }
    }

    /** Learns again in the background, so the next caller finds the model ready. */
    void refreshLater(Codebooks.Stored cb) {
        background.execute(() -> {
            try {
                current(cb);
            } catch (RuntimeException e) {
                LOG.warn("Learning themes for codebook {} failed; it will be tried again when asked", cb.codebook().name(), e);
            }
        });
    }

    private Model learn(Codebooks.Stored cb) {
        // Read the version before the codes: a change made meanwhile leaves the model marked stale.
        long version = cb.codesVersion();
        List<Codes.Coded> coded = codes.applied(cb.id());
        Optional<LinearClassifier> classifier = Optional.empty();
        if (coded.size() >= MIN_EXAMPLES) {
            classifier = Optional.of(LinearClassifier.train(coded.stream()
                    .map(c -> new LinearClassifier.Example(c.text(), c.themes())).toList()));
        }
        var m = new Model(version, classifier, coded.size());
        models.put(cb.id(), m);
        return m;
    }

    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    private Object lock(long id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
    }
}
