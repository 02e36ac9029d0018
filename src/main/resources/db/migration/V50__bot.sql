-- Telegram conversations, keyed by a keyed hash of the chat id: the chat id itself is never stored.
CREATE TABLE bot_conversation (
    chat_hash   CHAR(64)     NOT NULL,
    survey_id   VARCHAR(100) NOT NULL,
    step        INT          NOT NULL,
    answers     TEXT         NOT NULL,
    ticked      TEXT         NOT NULL,
    run_key     VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (chat_hash)
);

-- Updates already handled, so a repeated delivery is ignored. Kept for at least a day.
CREATE TABLE bot_update (
    update_id   BIGINT      NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (update_id)
);
