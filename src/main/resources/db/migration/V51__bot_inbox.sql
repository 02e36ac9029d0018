-- Webhook updates are stored before Telegram gets its 200, and handled from here, so an update
-- answered but not yet handled when the service stops is handled when it starts again.
CREATE TABLE bot_inbox (
    update_id   BIGINT      NOT NULL,
    body        TEXT        NOT NULL,
    status      VARCHAR(16) NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (update_id)
);
CREATE INDEX ix_bot_inbox_status ON bot_inbox (status);
