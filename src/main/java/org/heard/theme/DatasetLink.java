package org.heard.theme;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.Sql;
import org.heard.response.ResponseLink;
import org.heard.survey.Audience;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How an imported row reaches the response store: as a response through the link
 * {@code dataset:<id>}, so its place in the dataset and its hand codes are written in the same
 * transaction as the answer itself. A row is never stored without its codes, or the other way round.
 */
@Singleton
class DatasetLink implements ResponseLink {
    static final String KIND = "dataset";
    static final String ROW = "row";
    static final String THEMES = "themes";
    /** The survey that holds imported community text; each other audience's has the audience on the end. */
    static final String SURVEY = "imported-text";
    static final String QUESTION = "text";

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final Codes codes;

    DatasetLink(Sql sql, TransactionOperations<Connection> tx, Codes codes) {
        this.sql = sql;
        this.tx = tx;
        this.codes = codes;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The survey an import's rows are stored under, which says whose words they are: reports count a
     * children's paper consultation as children's voice, not the community's.
     */
    static String surveyFor(Audience audience) {
        return audience == Audience.COMMUNITY ? SURVEY : SURVEY + "-" + audience.id().replace('_', '-');
    }

    private static boolean isImportSurvey(String surveyId) {
        return Arrays.stream(Audience.values()).anyMatch(a -> surveyFor(a).equals(surveyId));
    }

    static String link(long datasetId) {
        return KIND + ":" + datasetId;
    }

    @Override
    public Optional<String> problem(String reference, String surveyId) {
        if (!isImportSurvey(surveyId)) {
            return Optional.of("Dataset rows can only be stored as answers to an " + SURVEY + " survey.");
        }
        return codebookOf(reference).isPresent() ? Optional.empty() : Optional.of("There is no such dataset.");
    }

    @Override
    public void attach(String reference, String surveyId, long responseId, Map<String, String> values) {
        long datasetId = Long.parseLong(reference);
        String row = values.get(ROW);
        int moved = sql.update("UPDATE dataset_row SET response_id = ? WHERE dataset_id = ? AND row_ref = ?", responseId, datasetId, row);
        if (moved == 0) {
            sql.update("INSERT INTO dataset_row (dataset_id, row_ref, response_id) VALUES (?, ?, ?)", datasetId, row, responseId);
        }
        String themes = values.getOrDefault(THEMES, "");
        if (themes.isBlank()) {
            return;
        }
        long codebookId = codebookOf(reference).orElseThrow();
        var key = new AnswerKey(responseId, QUESTION);
        Arrays.stream(themes.split(";")).map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(t -> {
            long themeId = sql.one("SELECT id FROM theme WHERE codebook_id = ? AND LOWER(name) = LOWER(?)", rs -> rs.getLong(1), codebookId, t)
                    .orElseThrow(() -> new Refused("The theme '" + t + "' is not in the dataset's codebook."));
            codes.set(codebookId, themeId, key, Codes.APPLIED, "import");
        });
    }

    private Optional<Long> codebookOf(String reference) {
        try {
            long id = Long.parseLong(reference);
            return tx.executeRead(s -> sql.one("SELECT codebook_id FROM dataset WHERE id = ?", rs -> rs.getLong(1), id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
