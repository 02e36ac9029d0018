package org.heard.survey;

import java.util.Map;

/**
 * The lines where a follow-up survey named its baseline and the questions it repeats, kept so that a
 * wrong name found once every file is read is still reported where it was written.
 *
 * @param line        the line of {@code followUpOf}
 * @param repeatLines the line of each {@code repeats}, by follow-up question id
 */
record WaveDeclaration(int line, Map<String, Integer> repeatLines) {
}
