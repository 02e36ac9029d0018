package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * One engagement activity in the consultation log.
 *
 * @param ref          the partnership's own reference (re-importing the same ref updates it)
 * @param areas        framework areas it speaks to, e.g. {@code harrow-qaf-2015/B2-children}
 * @param measures     framework measure ids it gives evidence for
 * @param participants how many took part in all
 * @param ageBands     how many by age band, where known
 * @param surveys      linked Heard surveys, whose response counts appear with it
 */
@Serdeable
public record Activity(@Nullable Long id, String ref, LocalDate heldOn, String title, List<String> audiences,
                       List<String> areas, List<String> measures, String method, int participants, AgeBands ageBands,
                       @Nullable String leadAgency, List<String> surveys, @Nullable String keyMessages,
                       @Nullable String followUp) {

    /** Participants by age band; null where not known. */
    @Serdeable
    public record AgeBands(@Nullable Integer under11, @Nullable Integer from11To15, @Nullable Integer from16To17,
                           @Nullable Integer adults) {
        static final AgeBands UNKNOWN = new AgeBands(null, null, null, null);
    }

    public boolean engagesChildren() {
        return audiences.stream().anyMatch(a -> AudienceGroup.fromId(a).map(AudienceGroup::children).orElse(false));
    }

    public boolean hasFollowUp() {
        return followUp != null && !followUp.isBlank();
    }
}
