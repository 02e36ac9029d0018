package org.heard.form;

import org.heard.survey.Question;
import org.heard.survey.Survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a survey into pages so "show if" works without JavaScript: a question whose condition
 * depends on an answer on the current page starts the next page.
 */
final class FormPages {
    private FormPages() {
    }

    static List<List<Question>> split(Survey survey) {
        var pages = new ArrayList<List<Question>>();
        var current = new ArrayList<Question>();
        Set<String> onPage = new HashSet<>();
        for (Question q : survey.questions()) {
            if (q.showIf() != null && onPage.contains(q.showIf().questionId())) {
                pages.add(current);
                current = new ArrayList<>();
                onPage.clear();
            }
            current.add(q);
            onPage.add(q.id());
        }
        pages.add(current);
        return pages;
    }

    /** The first page at or after {@code from} with a question that is asked, or -1 when none is left. */
    static int nextAsked(List<List<Question>> pages, int from, Map<String, List<String>> answers) {
        for (int i = from; i < pages.size(); i++) {
            if (pages.get(i).stream().anyMatch(q -> q.isAsked(answers))) {
                return i;
            }
        }
        return -1;
    }
}
