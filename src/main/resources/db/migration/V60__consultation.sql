-- The consultation log and "You said, we did". Lists of ids are stored as ",a,b," so a filter can
-- match one with LIKE '%,a,%' on every database we support.

CREATE TABLE consultation_activity (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    ref           VARCHAR(100)  NOT NULL,
    held_on       DATE          NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    audiences     VARCHAR(1000) NOT NULL,
    areas         VARCHAR(1000) NOT NULL,
    measures      VARCHAR(2000) NOT NULL,
    method        VARCHAR(32)   NOT NULL,
    participants  INT           NOT NULL,
    age_under_11  INT,
    age_11_15     INT,
    age_16_17     INT,
    age_18_plus   INT,
    lead_agency   VARCHAR(100),
    surveys       VARCHAR(1000) NOT NULL,
    key_messages  TEXT,
    follow_up     TEXT,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_activity_ref UNIQUE (ref)
);
CREATE INDEX ix_activity_held_on ON consultation_activity (held_on);

CREATE TABLE consultation_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    said          TEXT          NOT NULL,
    did           TEXT          NOT NULL,
    owner         VARCHAR(200)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    due_on        DATE,
    done_on       DATE,
    evidence      TEXT,
    measures      VARCHAR(2000) NOT NULL,
    activities    VARCHAR(1000) NOT NULL,
    surveys       VARCHAR(1000) NOT NULL,
    themes        VARCHAR(1000) NOT NULL,
    published     BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_action_published ON consultation_action (published, status);
