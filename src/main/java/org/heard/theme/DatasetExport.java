package org.heard.theme;

import com.opencsv.CSVWriter;
import jakarta.inject.Singleton;
import org.heard.platform.CsvCells;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset as CSV ({@code id,text,themes,source,confidence}): hand-coded rows with their codes
 * ({@code manual}), the rest with the themes Heard suggests at or above the codebook's threshold
 * ({@code suggested}, one confidence per theme in the same order). Suggestions come from a model
 * of the current codes, so an export straight after an import waits for it to be learned.
 */
@Singleton
class DatasetExport {
    static final String[] HEADER = {"id", "text", "themes", "source", "confidence"};

    private final Datasets datasets;
    private final Codebooks codebooks;
    private final Codes codes;
    private final Suggestions suggestions;

    DatasetExport(Datasets datasets, Codebooks codebooks, Codes codes, Suggestions suggestions) {
        this.datasets = datasets;
        this.codebooks = codebooks;
        this.codes = codes;
        this.suggestions = suggestions;
    }

    Optional<String> csv(String name) {
        Optional<Long> datasetId = datasets.dataset(name);
        Optional<Codebooks.Stored> cb = codebooks.find(name);
        if (datasetId.isEmpty() || cb.isEmpty()) {
            return Optional.empty();
        }
        List<Datasets.Row> rows = datasets.rows(datasetId.get());
        var verdicts = codes.verdicts(cb.get().id(), rows.stream().map(r -> r.key().responseId()).toList());
        var uncoded = rows.stream().filter(r -> !verdicts.getOrDefault(r.key(), Map.of()).containsValue(Codes.APPLIED))
                .map(r -> new Suggestions.Text(r.key(), r.text())).toList();
        var suggested = suggestions.suggest(cb.get(), uncoded, verdicts);
        var out = new StringWriter();
        try (var csv = new CSVWriter(out)) {
            csv.writeNext(HEADER);
            for (Datasets.Row r : rows) {
                List<Suggestions.Suggestion> s = suggested.get(r.key());
                if (s == null) {
                    List<String> applied = new ArrayList<>();
                    verdicts.get(r.key()).forEach((theme, verdict) -> {
                        if (Codes.APPLIED.equals(verdict)) {
                            applied.add(theme);
                        }
                    });
                    csv.writeNext(row(r, String.join(";", applied), "manual", ""));
                } else {
                    csv.writeNext(row(r, String.join(";", s.stream().map(Suggestions.Suggestion::theme).toList()), "suggested",
                            String.join(";", s.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.confidence())).toList())));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Optional.of(out.toString());
    }

    private static String[] row(Datasets.Row r, String themes, String source, String confidence) {
        return new String[] {CsvCells.neutralise(r.id()), CsvCells.neutralise(r.text()), CsvCells.neutralise(themes), source, confidence};
    }
}
