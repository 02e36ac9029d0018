package org.heard.survey;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A survey definition. {@code version} is the version answers are stored under: the file's own
 * version, raised by Heard when a survey that already has answers is edited. {@code followUp} is set
 * when the survey is a later wave of a baseline survey.
 */
public record Survey(
        String id,
        String title,
        int version,
        Audience audience,
        Set<SurveyChannel> channels,
        Anonymity anonymity,
        LocalDate opens,
        @Nullable LocalDate closes,
        Period retention,
        String introduction,
        String privacy,
        List<Question> questions,
        String contentHash,
        String source,
        @Nullable FollowUp followUp) {

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public SurveyStatus status(LocalDate today) {
        if (today.isBefore(opens)) {
            return SurveyStatus.NOT_YET_OPEN;
        }
        if (closes != null && today.isAfter(closes)) {
            return SurveyStatus.CLOSED;
        }
        return SurveyStatus.OPEN;
    }

    public boolean offeredOn(SurveyChannel channel) {
        return channels.contains(channel);
    }

    /** The agency question, if the survey records which agency the respondent works for. */
    public Optional<Question> agencyQuestion() {
        return questions.stream().filter(q -> q.type() == QuestionType.AGENCY).findFirst();
    }

    public Survey withVersion(int newVersion) {
        return new Survey(id, title, newVersion, audience, channels, anonymity, opens, closes, retention,
                introduction, privacy, questions, contentHash, source, followUp);
    }

    Survey withFollowUp(@Nullable FollowUp newFollowUp) {
        return new Survey(id, title, version, audience, channels, anonymity, opens, closes, retention,
                introduction, privacy, questions, contentHash, source, newFollowUp);
    }
}
