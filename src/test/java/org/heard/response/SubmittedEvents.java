package org.heard.response;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the events the response store publishes, so tests can see exactly what listeners saw. */
@Singleton
class SubmittedEvents {
    final List<ResponseSubmitted> submitted = new CopyOnWriteArrayList<>();
    final List<ResponsesDeleted> deleted = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ResponseSubmitted e) {
        submitted.add(e);
    }

    @EventListener
    void on(ResponsesDeleted e) {
        deleted.add(e);
    }
}
