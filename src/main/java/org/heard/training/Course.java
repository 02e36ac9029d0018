package org.heard.training;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A training course.
 *
 * @param outcomes its learning outcomes, in the order the on-the-day evaluation rates them
 * @param measures framework measures its evaluations count as evidence for
 */
@Serdeable
public record Course(long id, String ref, String title, List<String> outcomes, List<String> areas, List<String> measures) {
}
