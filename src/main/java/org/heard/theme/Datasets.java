package org.heard.theme;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.CsvCells;
import org.heard.platform.Sql;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.response.SubmitOutcome;
import org.heard.search.SearchIndex;
import org.heard.survey.Audience;
import org.heard.survey.SurveyCatalog;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Datasets of free text gathered elsewhere (a paper consultation, another survey tool, last year's
 * coded spreadsheet). Each row becomes an answer with channel {@code import}, so it is screened,
 * searchable and counted like any other; rows with themes are hand-coded examples for the dataset's
 * codebook, which has the dataset's name.
 */
@Singleton
class Datasets {
    static final List<String> HEADER = List.of("id", "text", "themes");
    private static final int MAX_ID = 200;

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final ResponseService responses;
    private final Codebooks codebooks;
    private final ThemeModels models;
    private final ThemeConfiguration config;
    private final SearchIndex search;
    private final Clock clock;
    private final SurveyCatalog catalog;

    Datasets(Sql sql, TransactionOperations<Connection> tx, ResponseService responses, Codebooks codebooks, ThemeModels models,
             ThemeConfiguration config, SearchIndex search, Clock clock, SurveyCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
        this.sql = sql;
        this.tx = tx;
        this.responses = responses;
        this.codebooks = codebooks;
        this.models = models;
        this.config = config;
        this.clock = clock;
    }

    @Serdeable
    record Rejected(int line, String id, String reason) {
    }

    @Serdeable
    record ImportResult(String dataset, String audience, int imported, int replaced, List<Rejected> rejected) {
    }

    /** The survey that holds an audience's imported text is missing: the partnership must put its file back. */
    static final class MissingImportSurvey extends RuntimeException {
        MissingImportSurvey(String message) {
            super(message);
        }
    }

    /** A row of a dataset as stored. */
    record Row(String id, AnswerKey key, String text) {
    }

    /**
     * Imports CSV rows; a bad row is reported and never stops the rest.
     *
     * @param audience whose words the rows are: reports and search count them as that audience's
     * @throws IllegalArgumentException when the body is not CSV with the right header, or is too long
     * @throws MissingImportSurvey      when the audience's import survey is missing from the surveys folder
     */
    ImportResult importCsv(String name, Audience audience, String body) {
        String survey = DatasetLink.surveyFor(audience);
        if (catalog.find(survey).isEmpty()) {
            // Refused before anything is stored, rather than every row turned away one by one.
            throw new MissingImportSurvey("Text from " + audience.label().toLowerCase(java.util.Locale.ROOT) + " cannot be imported: the "
                    + survey + " survey that holds it is missing from the surveys folder.");
        }
        List<Map<String, String>> rows = CsvCells.read(body, HEADER);
        if (rows.size() > config.maxImportRows()) {
            throw new IllegalArgumentException("The file has " + rows.size() + " rows; at most " + config.maxImportRows()
                    + " can be imported at once. Split it into smaller files.");
        }
        var rejected = new ArrayList<Rejected>();
        var valid = new ArrayList<Map.Entry<Integer, Map<String, String>>>();
        var seen = new HashMap<String, Integer>();
        var themes = new LinkedHashSet<String>();
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 2;
            Map<String, String> row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            String id = row.getOrDefault("id", "").strip();
            String problem = problem(row, id, seen.get(id));
            if (problem != null) {
                rejected.add(new Rejected(line, id, problem));
                continue;
            }
            seen.put(id, line);
            themes.addAll(themes(row));
            valid.add(Map.entry(line, row));
        }
        long datasetId = tx.executeWrite(s -> {
            codebooks.ensureThemes(name, List.copyOf(themes));
            return dataset(name).orElseGet(() -> sql.insert("INSERT INTO dataset (name, codebook_id, created_at) VALUES (?, ?, ?)",
                    name, codebooks.find(name).orElseThrow().id(), clock.instant()));
        });
        int[] counts = search.batched(() -> store(valid, datasetId, survey, rejected));
        codebooks.find(name).ifPresent(models::refreshLater);
        return new ImportResult(name, audience.id(), counts[0], counts[1], List.copyOf(rejected));
    }

    /** Stores the valid rows, one response each; returns how many were stored and how many of those replaced a row. */
    private int[] store(List<Map.Entry<Integer, Map<String, String>>> valid, long datasetId, String survey, List<Rejected> rejected) {
        int imported = 0;
        int replaced = 0;
        for (var entry : valid) {
            Map<String, String> row = entry.getValue();
            String id = row.get("id").strip();
            Optional<Long> earlier = responseOf(datasetId, id);
            SubmitOutcome outcome = responses.submit(new Submission(survey, Channel.IMPORT,
                    Map.of(DatasetLink.QUESTION, List.of(row.get("text").strip())), null, null, DatasetLink.link(datasetId),
                    Map.of(DatasetLink.ROW, id, DatasetLink.THEMES, String.join(";", themes(row)))));
            if (outcome instanceof SubmitOutcome.Stored) {
                imported++;
                if (earlier.isPresent()) {
                    responses.delete(List.of(earlier.get()));
                    replaced++;
                }
            } else {
                rejected.add(new Rejected(entry.getKey(), id, reason(outcome)));
            }
        }
        return new int[] {imported, replaced};
    }

    private String problem(Map<String, String> row, String id, Integer earlierLine) {
        String text = row.getOrDefault("text", "").strip();
        if (id.isEmpty()) {
            return "The id is empty. Give every row an id of its own.";
        }
        if (id.length() > MAX_ID) {
            return "The id is longer than " + MAX_ID + " characters.";
        }
        if (earlierLine != null) {
            return "The id is used again: line " + earlierLine + " has it too. Ids must be different.";
        }
        if (text.isEmpty()) {
            return "The text is empty.";
        }
        if (text.length() > config.maxTextLength()) {
            return "The text is longer than " + config.maxTextLength() + " characters.";
        }
        for (String theme : themes(row)) {
            String p = CodebookFile.themeNameProblem(theme);
            if (p != null) {
                return "Theme '" + theme + "': " + p + ".";
            }
        }
        return null;
    }

    private static List<String> themes(Map<String, String> row) {
        return Arrays.stream(row.getOrDefault("themes", "").split(";")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static String reason(SubmitOutcome outcome) {
        return switch (outcome) {
            case SubmitOutcome.Invalid i -> String.join(" ", i.errors().values());
            case SubmitOutcome.Refused r -> r.message();
            case SubmitOutcome.UnknownSurvey u -> "The " + u.surveyId() + " survey that holds imported text is missing from the surveys folder.";
            case SubmitOutcome.Closed c -> "The " + c.surveyId() + " survey that holds imported text is closed.";
            default -> "The row could not be stored.";
        };
    }

    Optional<Long> dataset(String name) {
        return tx.executeRead(s -> sql.one("SELECT id FROM dataset WHERE name = ?", rs -> rs.getLong(1), name));
    }

    private Optional<Long> responseOf(long datasetId, String row) {
        return tx.executeRead(s -> sql.one("SELECT response_id FROM dataset_row WHERE dataset_id = ? AND row_ref = ?",
                rs -> rs.getLong(1), datasetId, row));
    }

    /** The dataset's rows in the order they were first imported. */
    List<Row> rows(long datasetId) {
        return tx.executeRead(s -> sql.list("SELECT r.row_ref, r.response_id, a.value_text FROM dataset_row r "
                + "JOIN answer a ON a.response_id = r.response_id AND a.question_id = ? WHERE r.dataset_id = ? ORDER BY r.response_id",
                rs -> new Row(rs.getString(1), new AnswerKey(rs.getLong(2), DatasetLink.QUESTION), rs.getString(3)),
                DatasetLink.QUESTION, datasetId));
    }
}
