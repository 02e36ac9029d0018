package org.heard.response;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ResponseRepository extends CrudRepository<ResponseRow, Long> {

    Optional<ResponseRow> findBySurveyIdAndIdempotencyKey(String surveyId, String idempotencyKey);

    Optional<ResponseRow> findByReceiptHash(String receiptHash);

    List<ResponseRow> findByRespondentKey(String respondentKey);

    List<ResponseRow> findByIdGreaterThanOrderByIdAsc(long afterId, io.micronaut.data.model.Pageable pageable);

    List<ResponseRow> findBySurveyIdOrderByIdAsc(String surveyId);

    List<ResponseRow> findBySurveyIdAndSubmittedAtLessThanAndLegalHoldFalse(String surveyId, Instant before);

    long countBySurveyId(String surveyId);

    List<ResponseRow> findByIdIn(Collection<Long> ids);

    void deleteByIdIn(Collection<Long> ids);
}
