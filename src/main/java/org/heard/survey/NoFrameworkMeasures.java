package org.heard.survey;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Used when no framework feature is present: measure ids cannot be checked, so they only warn. */
@Singleton
@Secondary
class NoFrameworkMeasures implements MeasureIndex {
    @Override
    public boolean exists(String measureId) {
        return false;
    }

    @Override
    public boolean strict() {
        return false;
    }
}
