package org.heard.api;

import com.opencsv.CSVWriter;
import org.heard.platform.CsvCells;
import org.heard.response.StoredResponse;
import org.heard.survey.Question;
import org.heard.survey.Survey;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per response, one column per question, quoted per RFC 4180. A cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with a quote
 * mark, so a child's answer can never become a formula on a board member's laptop.
 */
final class ResponseCsv {
    private ResponseCsv() {
    }

    static String write(Survey survey, List<StoredResponse> rows) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            var header = new ArrayList<>(List.of("response_id", "survey_id", "survey_version", "channel", "agency", "submitted_at"));
            survey.questions().forEach(q -> header.add(q.id()));
            csv.writeNext(header.toArray(String[]::new), true);
            for (StoredResponse r : rows) {
                var line = new ArrayList<>(List.of(String.valueOf(r.id()), r.surveyId(), String.valueOf(r.surveyVersion()),
                        r.channel().id(), r.agency() == null ? "" : r.agency(), r.submittedAt().toString()));
                for (Question q : survey.questions()) {
                    line.add(String.join("; ", r.answers().getOrDefault(q.id(), List.of())));
                }
                csv.writeNext(line.stream().map(CsvCells::neutralise).toArray(String[]::new), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
