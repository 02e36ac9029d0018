package org.heard.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Evidence for framework measures held by another feature, such as training sessions and their
 * impact. Each feature implements this; the framework report asks every one once per report, so
 * reports depend on this interface and never on the features themselves.
 */
public interface MeasureEvidenceSource {

    /**
     * Statements of evidence for the period, by measure id, each already under the small-number
     * rules (counts from 1 to the threshold written as {@code c}).
     */
    Map<String, List<String>> evidence(LocalDate from, LocalDate to);
}
