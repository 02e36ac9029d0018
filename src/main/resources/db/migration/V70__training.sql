-- Multi-agency training: courses, sessions, attendance, the evaluations tied to a session, and the
-- three-month follow-up invitations. Email addresses live only in training_invitation, apart from
-- every table used for analysis, and are erased once the follow-up window closes.

CREATE TABLE training_course (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    ref         VARCHAR(100)  NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    outcomes    TEXT          NOT NULL,
    areas       VARCHAR(1000) NOT NULL,
    measures    VARCHAR(2000) NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_course_ref UNIQUE (ref)
);

CREATE TABLE training_session (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    course_id   BIGINT        NOT NULL,
    held_on     DATE          NOT NULL,
    trainer     VARCHAR(200)  NOT NULL,
    venue       VARCHAR(300)  NOT NULL,
    capacity    INT           NOT NULL,
    code        VARCHAR(32)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_session_code UNIQUE (code),
    CONSTRAINT fk_session_course FOREIGN KEY (course_id) REFERENCES training_course (id) ON DELETE CASCADE
);
CREATE INDEX ix_session_held_on ON training_session (held_on);

CREATE TABLE training_attendance (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    session_id  BIGINT        NOT NULL,
    agency      VARCHAR(100)  NOT NULL,
    name        VARCHAR(200),
    email       VARCHAR(320),
    recorded_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_attendance_session ON training_attendance (session_id);

-- An evaluation response tied to its session. The on-the-day and three-month responses of one
-- person share a random pair token, which is all that joins them.
CREATE TABLE training_evaluation (
    response_id BIGINT        NOT NULL,
    session_id  BIGINT        NOT NULL,
    stage       VARCHAR(16)   NOT NULL,
    pair_token  CHAR(32)      NOT NULL,
    PRIMARY KEY (response_id),
    CONSTRAINT uq_evaluation_pair UNIQUE (pair_token, stage),
    CONSTRAINT fk_evaluation_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    CONSTRAINT fk_evaluation_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_evaluation_session ON training_evaluation (session_id, stage);

-- One invitation per person who asked to be asked again. Claimed by one instance at a time
-- (claimed_by, claimed_until) so several instances never send the same email twice.
CREATE TABLE training_invitation (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    pair_token      CHAR(32)      NOT NULL,
    session_id      BIGINT        NOT NULL,
    email           VARCHAR(320),
    link_hash       CHAR(64)      NOT NULL,
    invite_due_at   DATETIME(6)   NOT NULL,
    closes_at       DATETIME(6)   NOT NULL,
    invited_at      DATETIME(6),
    reminder_due_at DATETIME(6),
    reminded_at     DATETIME(6),
    responded_at    DATETIME(6),
    unsubscribed_at DATETIME(6),
    erased_at       DATETIME(6),
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6),
    last_error      VARCHAR(500),
    claimed_by      VARCHAR(64),
    claimed_until   DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_invitation_pair UNIQUE (pair_token),
    CONSTRAINT uq_invitation_link UNIQUE (link_hash),
    CONSTRAINT fk_invitation_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_invitation_due ON training_invitation (invite_due_at);

-- What was sent, or tried, and when.
CREATE TABLE training_email_log (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    invitation_id BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    outcome       VARCHAR(16)   NOT NULL,
    detail        VARCHAR(500),
    at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_email_log_invitation FOREIGN KEY (invitation_id) REFERENCES training_invitation (id) ON DELETE CASCADE
);
CREATE INDEX ix_email_log_invitation ON training_email_log (invitation_id);
