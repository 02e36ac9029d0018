package org.heard.response;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("db")
@MicronautTest(transactional = false)
class ResponseServiceTest {
    @Inject
    ResponseService service;
    @Inject
    SubmittedEvents events;

    @Test
    void storesEveryKindOfAnswerAndAnnouncesTheFreeText() {
        String story = Surveys.unique("story");
        var outcome = (SubmitOutcome.Stored) service.submit(new Submission(Surveys.EVERY_TYPE, Channel.API,
                Surveys.everyTypeAnswers(story), Surveys.unique("key"), null));

        StoredResponse stored = service.find(outcome.id()).orElseThrow();
        assertEquals(List.of("cat", "dog"), stored.answers().get("pets"));
        assertEquals(List.of("4"), stored.answers().get("happy"));
        assertEquals(List.of(story), stored.answers().get("story"));
        assertEquals(List.of("2026-05-01"), stored.answers().get("when"));
        assertEquals("police", stored.agency());
        assertEquals(Channel.API, stored.channel());
        assertTrue(events.submitted.stream().anyMatch(e -> e.responseId() == outcome.id()
                && e.texts().contains(new TextAnswer("story", story))));
        assertTrue(outcome.receipt().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertEquals(outcome.id(), service.findByReceipt(outcome.receipt().toLowerCase()).orElseThrow().id());
    }

    @Test
    void sameIdempotencyKeyStoresOneResponseEvenWhenRacing() throws Exception {
        String key = Surveys.unique("race");
        Callable<SubmitOutcome> submit = () -> service.submit(new Submission(Surveys.EVERY_TYPE, Channel.WEB,
                Surveys.everyTypeAnswers("same"), key, null));
        var pool = Executors.newFixedThreadPool(4);
        var futures = new ArrayList<java.util.concurrent.Future<SubmitOutcome>>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(submit));
        }
        var ids = new java.util.HashSet<Long>();
        var receipts = new java.util.HashSet<String>();
        int fresh = 0;
        for (var f : futures) {
            var s = (SubmitOutcome.Stored) f.get();
            ids.add(s.id());
            receipts.add(s.receipt());
            fresh += s.duplicate() ? 0 : 1;
        }
        pool.shutdown();
        assertEquals(1, ids.size());
        assertEquals(1, receipts.size());
        assertEquals(1, fresh);
        long id = ids.iterator().next();
        assertEquals(1, events.submitted.stream().filter(e -> e.responseId() == id).count());
    }

    @Test
    void rejectsBadAnswersAndStoresNothing() {
        String key = Surveys.unique("bad");
        var answers = Surveys.everyTypeAnswers("x");
        answers.put("happy", List.of("9"));
        answers.put("colour", List.of("green"));
        answers.put("story", List.of("a".repeat(501)));
        answers.put("nonsense", List.of("1"));
        answers.remove("happy");
        var outcome = service.submit(new Submission(Surveys.EVERY_TYPE, Channel.API, answers, key, null));
        var invalid = assertInstanceOf(SubmitOutcome.Invalid.class, outcome);
        assertEquals(Map.of(
                "happy", "Select an answer",
                "colour", "Select one of the answers shown",
                "story", "Your answer must be 500 characters or fewer",
                "nonsense", "There is no question 'nonsense' in this survey"), invalid.errors());
        // the key was not used, so a corrected retry is stored
        var fixed = service.submit(new Submission(Surveys.EVERY_TYPE, Channel.API, Surveys.everyTypeAnswers("x"), key, null));
        assertFalse(((SubmitOutcome.Stored) fixed).duplicate());
    }

    @Test
    void dropsAnswersToQuestionsThatWereNotAsked() {
        var answers = Surveys.everyTypeAnswers("x");
        answers.put("pets", List.of("fish"));
        var stored = (SubmitOutcome.Stored) service.submit(new Submission(Surveys.EVERY_TYPE, Channel.WEB, answers, null, null));
        assertFalse(service.find(stored.id()).orElseThrow().answers().containsKey("dog-name"));
    }

    @Test
    void refusesClosedAndUnknownSurveys() {
        assertInstanceOf(SubmitOutcome.Closed.class, service.submit(new Submission(Surveys.CLOSED, Channel.WEB,
                Map.of("thoughts", List.of("hi")), null, null)));
        assertInstanceOf(SubmitOutcome.UnknownSurvey.class, service.submit(new Submission("no-such-survey", Channel.WEB,
                Map.of(), null, null)));
    }

    @Test
    void erasingByRespondentRemovesOnlyTheirResponses() {
        String me = Surveys.unique("chat");
        String other = Surveys.unique("chat");
        var mine = (SubmitOutcome.Stored) service.submit(new Submission(Surveys.YOUNG, Channel.TELEGRAM,
                Map.of("feel-safe", List.of("yes")), null, me));
        var theirs = (SubmitOutcome.Stored) service.submit(new Submission(Surveys.YOUNG, Channel.TELEGRAM,
                Map.of("feel-safe", List.of("yes")), null, other));
        assertEquals(1, service.deleteByRespondent(me));
        assertTrue(service.find(mine.id()).isEmpty());
        assertTrue(service.find(theirs.id()).isPresent());
        assertTrue(events.deleted.stream().anyMatch(e -> e.responseIds().equals(List.of(mine.id()))));
    }
}
