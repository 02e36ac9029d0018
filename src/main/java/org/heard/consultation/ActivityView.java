package org.heard.consultation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** An activity as shown to staff, with the response counts of its linked Heard surveys. */
@Serdeable
record ActivityView(@JsonUnwrapped Activity activity, Map<String, Long> surveyResponses) {
}
