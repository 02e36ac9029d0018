package org.heard.training;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One delivery of a course.
 *
 * @param code the session's own code, in its evaluation link and QR code
 */
@Serdeable
public record TrainingSession(long id, long courseId, LocalDate heldOn, String trainer, String venue, int capacity, String code) {
}
