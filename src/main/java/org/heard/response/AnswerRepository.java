package org.heard.response;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AnswerRepository extends CrudRepository<AnswerRow, Long> {

    List<AnswerRow> findByResponseIdOrderByIdAsc(long responseId);

    List<AnswerRow> findByResponseIdInOrderByIdAsc(Collection<Long> responseIds);

    void deleteByResponseIdIn(Collection<Long> responseIds);
}
