package org.heard.survey;

/**
 * Which framework measure ids exist, so survey questions can be checked against them. Implemented
 * by the framework feature; surveys depend on frameworks, never the other way round.
 */
public interface MeasureIndex {

    boolean exists(String measureId);

    /** Whether an unknown measure id makes a survey invalid (true once frameworks are loaded). */
    boolean strict();
}
