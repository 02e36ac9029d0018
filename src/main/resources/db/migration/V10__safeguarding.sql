-- Possible disclosures found in free-text answers, and what the safeguarding leads did about them.

CREATE TABLE safeguarding_alert (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    kind             VARCHAR(32)  NOT NULL,
    response_id      BIGINT,
    survey_id        VARCHAR(100),
    channel          VARCHAR(16),
    categories       VARCHAR(500) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    raised_at        DATETIME(6)  NOT NULL,
    acknowledged_at  DATETIME(6),
    acknowledged_by  VARCHAR(100),
    closed_at        DATETIME(6),
    closed_by        VARCHAR(100),
    outcome          VARCHAR(32),
    note             TEXT,
    escalated_at     DATETIME(6),
    notified_at      DATETIME(6),
    PRIMARY KEY (id),
    -- One alert per response: a repeated submission or a second screening never raises another.
    CONSTRAINT uq_alert_response UNIQUE (response_id)
);
CREATE INDEX ix_alert_status ON safeguarding_alert (status, raised_at);

-- Which answers of a flagged response matched, and on what. The answer text itself stays in answer.
CREATE TABLE safeguarding_match (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id    BIGINT       NOT NULL,
    question_id VARCHAR(100) NOT NULL,
    category    VARCHAR(64)  NOT NULL,
    indicator   VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_match_alert FOREIGN KEY (alert_id) REFERENCES safeguarding_alert (id) ON DELETE CASCADE
);
CREATE INDEX ix_match_alert ON safeguarding_match (alert_id);

-- Every step and every view of an alert: who, what, when.
CREATE TABLE safeguarding_alert_event (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id  BIGINT       NOT NULL,
    action    VARCHAR(32)  NOT NULL,
    username  VARCHAR(100) NOT NULL,
    at        DATETIME(6)  NOT NULL,
    note      TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_event_alert FOREIGN KEY (alert_id) REFERENCES safeguarding_alert (id) ON DELETE CASCADE
);
CREATE INDEX ix_event_alert ON safeguarding_alert_event (alert_id);

-- Responses whose free text has been screened, so answers missed in a crash are screened at start-up.
CREATE TABLE safeguarding_screened (
    response_id BIGINT      NOT NULL,
    screened_at DATETIME(6) NOT NULL,
    PRIMARY KEY (response_id)
);
