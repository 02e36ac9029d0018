-- Written in the subset of SQL that MySQL 8, MariaDB 10.11 and H2 (MySQL mode) all accept unchanged.

CREATE TABLE survey_version (
    survey_id     VARCHAR(100) NOT NULL,
    version       INT          NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    definition    TEXT         NOT NULL,
    answered      BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (survey_id, version)
);

CREATE TABLE response (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    survey_id       VARCHAR(100) NOT NULL,
    survey_version  INT          NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    agency          VARCHAR(100),
    submitted_at    DATETIME(6)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    receipt_hash    CHAR(64)     NOT NULL,
    respondent_key  VARCHAR(64),
    legal_hold      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uq_response_idempotency UNIQUE (survey_id, idempotency_key),
    CONSTRAINT uq_response_receipt UNIQUE (receipt_hash)
);
CREATE INDEX ix_response_survey_time ON response (survey_id, submitted_at);
CREATE INDEX ix_response_time ON response (submitted_at);
CREATE INDEX ix_response_respondent ON response (respondent_key);

CREATE TABLE answer (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    response_id  BIGINT       NOT NULL,
    question_id  VARCHAR(100) NOT NULL,
    value_choice VARCHAR(200),
    value_number DOUBLE,
    value_text   TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_answer_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_answer_response ON answer (response_id);
CREATE INDEX ix_answer_question ON answer (question_id, value_choice);

CREATE TABLE staff_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    agency        VARCHAR(100),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_staff_username UNIQUE (username)
);

-- Who read free text or identifying data, and when. It never holds answer content.
CREATE TABLE access_log (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    username   VARCHAR(100) NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_access_log_at ON access_log (at);
