package org.heard.safeguarding;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.heard.definition.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Builds the screener from the indicators file. A broken file stops the service from starting:
 * running without screening would silently miss disclosures.
 */
@Factory
class ScreenerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenerFactory.class);

    @Singleton
    Screener screener(SafeguardingConfiguration config) {
        return load(Path.of(config.indicators()), config.learnedThreshold(), config.cacheDir() == null ? null : Path.of(config.cacheDir()));
    }

    /** With the learned screen's threshold as shipped. */
    static Screener load(Path file) {
        return load(file, LearnedScreen.THRESHOLD);
    }

    /** The rules, joined by the learned screen when examples.csv sits beside the indicators. */
    static Screener load(Path file, double threshold) {
        return load(file, threshold, null);
    }

    /**
     * @param cacheDir where the trained learned screen is kept between starts, or null to train it every time
     */
    static Screener load(Path file, double threshold, @Nullable Path cacheDir) {
        PhraseScreener rules = rules(file);
        Path examples = file.resolveSibling("examples.csv");
        if (!java.nio.file.Files.exists(examples)) {
            return rules;
        }
        try {
            return new CombinedScreener(rules, cacheDir == null ? LearnedScreen.train(examples, threshold)
                    : LearnedScreenCache.trainOrRead(examples, threshold, cacheDir));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The safeguarding examples in " + examples + " cannot be used: " + e.getMessage(), e);
        }
    }

    static PhraseScreener rules(Path file) {
        var problems = new ArrayList<Problem>();
        Indicators indicators = Indicators.read(file, problems);
        problems.forEach(p -> LOG.error("Safeguarding indicators: {}", p));
        if (problems.stream().anyMatch(p -> !p.warning()) || indicators.categories().isEmpty()) {
            throw new IllegalStateException("The safeguarding indicators in " + file + " cannot be used: "
                    + (problems.isEmpty() ? "no categories" : problems.getFirst()));
        }
        return new PhraseScreener(indicators);
    }
}
