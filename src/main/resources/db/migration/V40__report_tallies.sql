-- Daily counts of answers for the reports (report.DayTallies): a cache of the response store, checked
-- against it on every use. Any row may be deleted at any time; the next report counts that day again.

CREATE TABLE report_tally_day (
    survey_id  VARCHAR(100)   NOT NULL,
    tally_date DATE           NOT NULL,
    responses  BIGINT         NOT NULL,
    id_sum     DECIMAL(38, 0) NOT NULL,
    PRIMARY KEY (survey_id, tally_date)
);

CREATE TABLE report_tally_question (
    survey_id   VARCHAR(100) NOT NULL,
    tally_date  DATE         NOT NULL,
    question_id VARCHAR(100) NOT NULL,
    responses   BIGINT       NOT NULL,
    PRIMARY KEY (survey_id, tally_date, question_id)
);

CREATE TABLE report_tally_value (
    survey_id    VARCHAR(100) NOT NULL,
    tally_date   DATE         NOT NULL,
    question_id  VARCHAR(100) NOT NULL,
    value_choice VARCHAR(200),
    value_number DOUBLE,
    answers      BIGINT       NOT NULL
);
CREATE INDEX ix_report_tally_value ON report_tally_value (survey_id, tally_date);
