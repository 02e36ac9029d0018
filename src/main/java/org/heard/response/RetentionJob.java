package org.heard.response;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Erases answers past their survey's retention period, every few hours and shortly after start-up. */
@Singleton
class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private final ResponseService responses;

    RetentionJob(ResponseService responses) {
        this.responses = responses;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "6h")
    void run() {
        int erased = responses.applyRetention();
        if (erased > 0) {
            LOG.info("Erased {} responses past their retention period", erased);
        }
    }
}
