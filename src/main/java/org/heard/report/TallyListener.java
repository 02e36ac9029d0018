package org.heard.report;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.heard.response.ResponsesDeleted;

/** Erased responses leave no counts behind in the daily tallies. */
@Singleton
class TallyListener {
    private final DayTallies tallies;

    TallyListener(DayTallies tallies) {
        this.tallies = tallies;
    }

    @EventListener
    void onDeleted(ResponsesDeleted e) {
        tallies.forgetChangedDays();
    }
}
