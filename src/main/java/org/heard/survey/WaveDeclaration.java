package org.heard.survey;

import io.micronaut.core.annotation.Nullable;
import org.heard.definition.YamlNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a follow-up survey's file says about its waves, with the lines, so that a wrong name found once
 * every file is read is still reported where it was written.
 *
 * @param line        the line of {@code followUpOf}
 * @param repeatLines the line of each {@code repeats}, by follow-up question id
 */
record WaveDeclaration(String baseline, int line, Map<String, String> repeats, Map<String, Integer> repeatLines) {

    FollowUp followUp() {
        return new FollowUp(baseline, repeats);
    }

    /**
     * Reads {@code followUpOf} and each question's {@code repeats}, reporting what is wrong on its own
     * line; null when the survey names no baseline.
     */
    @Nullable
    static WaveDeclaration read(YamlNode root) {
        boolean declared = root.get("followUpOf").isPresent();
        String baseline = root.string("followUpOf", false);
        if (baseline != null && !SurveyParser.SLUG.matcher(baseline).matches()) {
            root.get("followUpOf").orElseThrow().error("followUpOf '" + baseline + "' is not a survey id (lower-case letters, digits and hyphens)");
            baseline = null;
        }
        var repeats = new LinkedHashMap<String, String>();
        var lines = new LinkedHashMap<String, Integer>();
        for (YamlNode q : root.get("questions").filter(YamlNode::isSequence).map(YamlNode::items).orElse(java.util.List.of())) {
            String qid = q.isMapping() ? q.string("id", false) : null;
            String repeated = qid == null ? null : q.about("question '" + qid + "'").string("repeats", false);
            if (repeated == null) {
                continue;
            }
            YamlNode node = q.get("repeats").orElseThrow();
            if (!declared) {
                node.error("repeats names a question of the baseline survey: add followUpOf at the top of the survey");
            } else if (!SurveyParser.SLUG.matcher(repeated).matches()) {
                node.error("repeats '" + repeated + "' is not a question id");
            } else {
                repeats.put(qid, repeated);
                lines.put(qid, node.line());
            }
        }
        return baseline == null ? null : new WaveDeclaration(baseline, root.get("followUpOf").orElseThrow().line(),
                Collections.unmodifiableMap(repeats), Map.copyOf(lines));
    }
}
