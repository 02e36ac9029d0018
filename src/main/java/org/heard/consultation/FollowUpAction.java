package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * "You said, we did": what people said, what the partnership did or will do about it, who owns it
 * (a team or role, never a child), and the evidence that it changed something.
 *
 * @param status {@code planned}, {@code in-progress} or {@code done}
 */
@Serdeable
public record FollowUpAction(@Nullable Long id, String said, String did, String owner, String status,
                             @Nullable LocalDate dueOn, @Nullable LocalDate doneOn, @Nullable String evidence,
                             List<String> measures, List<String> activities, List<String> surveys, List<String> themes,
                             boolean published) {

    public static final List<String> STATUSES = List.of("planned", "in-progress", "done");

    /** Drafts arrive with the same fields; missing lists are empty. */
    @Serdeable
    public record Draft(@Nullable String said, @Nullable String did, @Nullable String owner, @Nullable String status,
                        @Nullable String dueOn, @Nullable String doneOn, @Nullable String evidence,
                        @Nullable List<String> measures, @Nullable List<String> activities, @Nullable List<String> surveys,
                        @Nullable List<String> themes) {
    }
}
