-- Themes: codebooks of themes, the codes staff give answers, and datasets of free text brought in
-- from elsewhere. An answer is (response_id, question_id); codes go when their response is erased.

CREATE TABLE codebook (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    name              VARCHAR(100)  NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    description       TEXT          NOT NULL,
    suggest_threshold DOUBLE        NOT NULL,
    -- Bumped in the same transaction as every change of codes, so any instance can tell its model is stale.
    codes_version     BIGINT        NOT NULL,
    file_hash         VARCHAR(64),
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_codebook_name UNIQUE (name)
);

CREATE TABLE theme (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    codebook_id  BIGINT        NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  TEXT          NOT NULL,
    parent       VARCHAR(200),
    theme_query  VARCHAR(2000),
    sort_order   INT           NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_theme_name UNIQUE (codebook_id, name),
    CONSTRAINT fk_theme_codebook FOREIGN KEY (codebook_id) REFERENCES codebook (id) ON DELETE CASCADE
);

-- verdict: 'applied' (coded by hand or a confirmed suggestion) or 'rejected' (a suggestion turned down).
CREATE TABLE theme_code (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    theme_id     BIGINT        NOT NULL,
    response_id  BIGINT        NOT NULL,
    question_id  VARCHAR(100)  NOT NULL,
    verdict      VARCHAR(10)   NOT NULL,
    coded_by     VARCHAR(200)  NOT NULL,
    coded_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_theme_code UNIQUE (theme_id, response_id, question_id),
    CONSTRAINT fk_code_theme FOREIGN KEY (theme_id) REFERENCES theme (id) ON DELETE CASCADE,
    CONSTRAINT fk_code_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_theme_code_response ON theme_code (response_id);

CREATE TABLE dataset (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    name         VARCHAR(100)  NOT NULL,
    codebook_id  BIGINT        NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_dataset_name UNIQUE (name),
    CONSTRAINT fk_dataset_codebook FOREIGN KEY (codebook_id) REFERENCES codebook (id) ON DELETE CASCADE
);

CREATE TABLE dataset_row (
    dataset_id   BIGINT        NOT NULL,
    row_ref      VARCHAR(200)  NOT NULL,
    response_id  BIGINT        NOT NULL,
    PRIMARY KEY (dataset_id, row_ref),
    CONSTRAINT fk_row_dataset FOREIGN KEY (dataset_id) REFERENCES dataset (id) ON DELETE CASCADE,
    CONSTRAINT fk_row_response FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_dataset_row_response ON dataset_row (response_id);
