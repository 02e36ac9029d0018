package org.heard.search;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.heard.response.ResponseSubmitted;
import org.heard.response.ResponsesDeleted;
import org.heard.response.TextAnswer;

import java.util.ArrayList;

/** Keeps the index in step with the response store, as each response commits or is erased. */
@Singleton
class SearchListener {
    private final SearchIndex index;

    SearchListener(SearchIndex index) {
        this.index = index;
    }

    @EventListener
    void onSubmitted(ResponseSubmitted e) {
        if (e.texts().isEmpty()) {
            return;
        }
        var answers = new ArrayList<AnswerDocuments.Answer>();
        for (TextAnswer t : e.texts()) {
            answers.add(new AnswerDocuments.Answer(e.responseId(), e.surveyId(), t.questionId(), e.channel().id(), e.agency(),
                    e.submittedAt(), t.text()));
        }
        index.index(answers);
    }

    @EventListener
    void onDeleted(ResponsesDeleted e) {
        index.delete(e.responseIds());
    }
}
