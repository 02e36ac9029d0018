package org.heard.form;

import io.micronaut.core.annotation.Nullable;
import org.heard.response.ResponseLink;
import org.heard.response.ResponseLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link a form is being answered through, for the page: what it says about itself, its own
 * fields with what was typed and what to fix, and the value carried from page to page.
 */
public record LinkState(@Nullable String via, List<String> describe, List<ResponseLink.Field> fields,
                        Map<String, String> values, Map<String, String> errors) {

    static LinkState of(Optional<ResponseLinks.Resolved> link, Map<String, String> values, Map<String, String> errors) {
        return link.map(l -> new LinkState(l.value(), l.link().describe(l.reference()), l.link().fields(l.reference()), values, errors))
                .orElse(new LinkState(null, List.of(), List.of(), Map.of(), Map.of()));
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    @Nullable
    public String error(String field) {
        return errors.get(field);
    }

    /** The fields with a problem, for the error summary. */
    List<ResponseLink.Field> errorList() {
        var out = new ArrayList<ResponseLink.Field>();
        for (ResponseLink.Field f : fields) {
            if (errors.containsKey(f.name())) {
                out.add(f);
            }
        }
        return out;
    }
}
