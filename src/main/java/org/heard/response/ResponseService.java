package org.heard.response;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.survey.AnswerRules;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stores and reads responses. The one way in for every channel: answers are checked against the
 * survey definition, stored in one transaction, and only then acknowledged and announced.
 */
@Singleton
public class ResponseService {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseService.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final SurveyCatalog catalog;
    private final ResponseRepository responses;
    private final AnswerRepository answers;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<ResponseSubmitted> submitted;
    private final ApplicationEventPublisher<ResponsesDeleted> deleted;
    private final Receipts receipts;
    private final Clock clock;
    private final ResponseLinks links;
    private final JdbcOperations jdbc;

    ResponseService(SurveyCatalog catalog, ResponseRepository responses, AnswerRepository answers,
                    TransactionOperations<Connection> tx, ApplicationEventPublisher<ResponseSubmitted> submitted,
                    ApplicationEventPublisher<ResponsesDeleted> deleted, Receipts receipts, Clock clock, ResponseLinks links,
                    JdbcOperations jdbc) {
        this.links = links;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.responses = responses;
        this.answers = answers;
        this.tx = tx;
        this.submitted = submitted;
        this.deleted = deleted;
        this.receipts = receipts;
        this.clock = clock;
    }

    public SubmitOutcome submit(Submission submission) {
        Optional<Survey> found = catalog.find(submission.surveyId());
        if (found.isEmpty()) {
            return new SubmitOutcome.UnknownSurvey(submission.surveyId());
        }
        Survey survey = found.get();
        if (catalog.status(survey) != SurveyStatus.OPEN) {
            return new SubmitOutcome.Closed(survey.id());
        }
        String key = submission.idempotencyKey() == null ? UUID.randomUUID().toString() : submission.idempotencyKey();
        if (!KEY.matcher(key).matches()) {
            return new SubmitOutcome.Invalid(Map.of("idempotencyKey",
                    "The idempotency key must be 8 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        Optional<ResponseRow> earlier = responses.findBySurveyIdAndIdempotencyKey(survey.id(), key);
        if (earlier.isPresent()) {
            return new SubmitOutcome.Stored(earlier.get().id(), receipts.code(survey.id(), key), true);
        }
        AnswerRules.Result checked = AnswerRules.checkAll(survey, submission.answers(), catalog.agencies());
        if (!checked.valid()) {
            return new SubmitOutcome.Invalid(checked.errors());
        }
        Optional<ResponseLinks.Resolved> link = Optional.empty();
        if (submission.link() != null) {
            link = links.resolve(submission.link());
            if (link.isEmpty()) {
                return new SubmitOutcome.Refused("This link is not one of ours. Check it was copied in full.");
            }
            Optional<String> problem = link.get().link().problem(link.get().reference(), survey.id());
            if (problem.isPresent()) {
                return new SubmitOutcome.Refused(problem.get());
            }
            Map<String, String> linkErrors = link.get().link().check(link.get().reference(), submission.linkValues());
            if (!linkErrors.isEmpty()) {
                return new SubmitOutcome.Invalid(linkErrors);
            }
        }
        String receipt = receipts.code(survey.id(), key);
        ResponseRow row;
        try {
            Optional<ResponseLinks.Resolved> through = link;
            row = tx.executeWrite(status -> {
                ResponseRow stored = store(survey, submission, key, receipt, checked.answers());
                through.ifPresent(l -> l.link().attach(l.reference(), survey.id(), stored.id(), submission.linkValues()));
                return stored;
            });
        } catch (ResponseLink.Refused e) {
            return new SubmitOutcome.Refused(e.getMessage());
        } catch (DataAccessException e) {
            // Two copies of one submission raced; the unique key let exactly one in.
            Optional<ResponseRow> winner = responses.findBySurveyIdAndIdempotencyKey(survey.id(), key);
            if (winner.isPresent()) {
                return new SubmitOutcome.Stored(winner.get().id(), receipt, true);
            }
            throw e;
        }
        catalog.markAnswered(survey);
        announce(survey, row, checked.answers());
        return new SubmitOutcome.Stored(row.id(), receipt, false);
    }

    private ResponseRow store(Survey survey, Submission submission, String key, String receipt,
                              Map<String, List<String>> checked) {
        String agency = survey.agencyQuestion().map(q -> checked.get(q.id()))
                .filter(v -> !v.isEmpty() && !Question.PREFER_NOT_TO_SAY.equals(v.getFirst()))
                .map(List::getFirst).orElse(null);
        // Whole microseconds: every database we support keeps exactly that much.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ResponseRow row = responses.save(new ResponseRow(null, survey.id(), survey.version(), submission.channel().id(),
                agency, now, key, Receipts.hash(receipt), submission.respondentKey(), false));
        var rows = new ArrayList<AnswerRow>();
        checked.forEach((questionId, values) -> {
            Question q = survey.question(questionId).orElseThrow();
            for (String v : values) {
                rows.add(toRow(row.id(), q, v));
            }
        });
        answers.saveAll(rows);
        return row;
    }

    private static AnswerRow toRow(long responseId, Question q, String value) {
        if (Question.PREFER_NOT_TO_SAY.equals(value) && !q.type().isFreeText()) {
            return new AnswerRow(null, responseId, q.id(), value, null, null);
        }
        return switch (q.type()) {
            case SCALE, NUMBER -> new AnswerRow(null, responseId, q.id(), null, Double.parseDouble(value), null);
            case SHORT_TEXT, LONG_TEXT, DATE -> new AnswerRow(null, responseId, q.id(), null, null, value);
            default -> new AnswerRow(null, responseId, q.id(), value, null, null);
        };
    }

    private void announce(Survey survey, ResponseRow row, Map<String, List<String>> checked) {
        var texts = new ArrayList<TextAnswer>();
        checked.forEach((questionId, values) -> {
            QuestionType type = survey.question(questionId).orElseThrow().type();
            if (type.isFreeText()) {
                texts.add(new TextAnswer(questionId, values.getFirst()));
            }
        });
        try {
            submitted.publishEvent(new ResponseSubmitted(row.id(), survey.id(), survey.version(),
                    Channel.fromId(row.channel()).orElseThrow(), row.agency(), row.submittedAt(), List.copyOf(texts)));
        } catch (RuntimeException e) {
            // The response is safely stored; listeners recover what they missed at start-up.
            LOG.error("A listener failed for response {}", row.id(), e);
        }
    }

    public Optional<StoredResponse> find(long id) {
        return responses.findById(id).map(r -> toStored(r, answers.findByResponseIdOrderByIdAsc(id)));
    }

    /** The response a receipt code belongs to. */
    public Optional<StoredResponse> findByReceipt(String receipt) {
        return responses.findByReceiptHash(Receipts.hash(receipt))
                .map(r -> toStored(r, answers.findByResponseIdOrderByIdAsc(r.id())));
    }

    /** Responses with ids above {@code afterId}, oldest first: for rebuilding derived data in batches. */
    public List<StoredResponse> scan(long afterId, int limit) {
        List<ResponseRow> page = responses.findByIdGreaterThanOrderByIdAsc(afterId, Pageable.from(0, limit));
        return withAnswers(page);
    }

    public List<StoredResponse> forSurvey(String surveyId) {
        return withAnswers(responses.findBySurveyIdOrderByIdAsc(surveyId));
    }

    public long count(String surveyId) {
        return responses.countBySurveyId(surveyId);
    }

    /** How many responses each survey has, in one read; a survey with none is absent. */
    public Map<String, Long> countsBySurvey() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT survey_id, COUNT(*) FROM response GROUP BY survey_id", ps -> {
            var counts = new HashMap<String, Long>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        }));
    }

    /** How many responses are stored in all. */
    public long total() {
        return responses.count();
    }

    /** Erases every response given under a respondent key (e.g. a chat asking for /delete). */
    public int deleteByRespondent(String respondentKey) {
        return delete(responses.findByRespondentKey(respondentKey).stream().map(ResponseRow::id).toList());
    }

    /**
     * Erases responses and their answers in one transaction, skipping any under legal hold, then
     * tells listeners (the search index removes them in the same call).
     *
     * @return how many were erased
     */
    public int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> erased = tx.executeWrite(status -> {
            List<Long> deletable = new ArrayList<>();
            responses.findByIdIn(ids).forEach(r -> {
                if (!r.legalHold()) {
                    deletable.add(r.id());
                }
            });
            if (!deletable.isEmpty()) {
                answers.deleteByResponseIdIn(deletable);
                responses.deleteByIdIn(deletable);
            }
            return deletable;
        });
        if (!erased.isEmpty()) {
            deleted.publishEvent(new ResponsesDeleted(List.copyOf(erased)));
        }
        return erased.size();
    }

    /** Erases responses older than their survey's retention period. */
    public int applyRetention() {
        int total = 0;
        for (Survey s : catalog.all()) {
            Instant cutoff = catalog.today().minus(s.retention()).atStartOfDay(clock.getZone()).toInstant();
            List<Long> old = responses.findBySurveyIdAndSubmittedAtLessThanAndLegalHoldFalse(s.id(), cutoff)
                    .stream().map(ResponseRow::id).toList();
            total += delete(old);
        }
        return total;
    }

    private List<StoredResponse> withAnswers(List<ResponseRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AnswerRow>> byResponse = new LinkedHashMap<>();
        answers.findByResponseIdInOrderByIdAsc(rows.stream().map(ResponseRow::id).toList())
                .forEach(a -> byResponse.computeIfAbsent(a.responseId(), k -> new ArrayList<>()).add(a));
        return rows.stream().map(r -> toStored(r, byResponse.getOrDefault(r.id(), List.of()))).toList();
    }

    private static StoredResponse toStored(ResponseRow r, List<AnswerRow> rows) {
        var map = new LinkedHashMap<String, List<String>>();
        for (AnswerRow a : rows) {
            map.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a.value());
        }
        return new StoredResponse(r.id(), r.surveyId(), r.surveyVersion(), Channel.fromId(r.channel()).orElseThrow(),
                r.agency(), r.submittedAt(), r.legalHold(), map);
    }
}
