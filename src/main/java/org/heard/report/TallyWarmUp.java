package org.heard.report;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts the daily tallies of the last two years in the background soon after start. Without it the
 * first report after an upgrade, or after the tallies were cleared, counts every day itself: about a
 * minute at a million responses, long enough for a browser or a proxy to give up. Afterwards it does
 * little: a report's own check then finds only the days that changed.
 */
@Singleton
class TallyWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(TallyWarmUp.class);

    private final DayTallies tallies;
    private final SurveyCatalog catalog;
    private final ReportConfiguration config;
    private final Clock clock;
    private volatile boolean stopping;

    TallyWarmUp(DayTallies tallies, SurveyCatalog catalog, ReportConfiguration config, Clock clock) {
        this.tallies = tallies;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Duration after = config.tallyWarmUpAfter();
        if (after.isZero() || after.isNegative()) {
            return;
        }
        // Lowest priority, after start-up: people answering surveys and reading reports come first.
        Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("report-tally-warm-up").start(() -> {
            try {
                Thread.sleep(after);
                warm();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
    }

    /** Counts every survey's whole days of the two years to today that are not counted yet; returns how many surveys were done. */
    int warm() {
        long start = System.nanoTime();
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = today.minusYears(2).atStartOfDay(zone).toInstant();
        Instant to = today.atStartOfDay(zone).toInstant();
        int done = 0;
        for (Survey survey : catalog.all()) {
            if (stopping) {
                return done;
            }
            try {
                tallies.tally(survey.id(), from, to);
                done++;
            } catch (RuntimeException e) {
                if (stopping) {
                    return done;
                }
                // Nothing is lost: the first report that needs these days counts them itself.
                LOG.warn("Report tallies for {} were not counted ahead: {}", survey.id(), e.getMessage());
            }
        }
        LOG.info("Report tallies of the last two years counted ahead for {} surveys in {} s", done, (System.nanoTime() - start) / 1_000_000_000);
        return done;
    }
}
