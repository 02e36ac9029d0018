package org.heard.survey;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.heard.definition.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The surveys the service serves. At start-up it reads the surveys folder, reports problems, and
 * registers each survey's version: editing a survey that already has answers makes a new version,
 * so stored answers keep the wording they were given under.
 */
@Context
public class SurveyCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyCatalog.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final SurveyConfiguration config;
    private final Map<String, Survey> surveys;
    private final Agencies agencies;
    private final List<Problem> problems;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    SurveyCatalog(JdbcOperations jdbc, TransactionOperations<Connection> tx, Clock clock, SurveyConfiguration config,
                  MeasureIndex measures) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
        Path dir = Path.of(config.surveysDir());
        SurveyDefinitions defs = SurveyDefinitions.read(dir, measures::exists, measures.strict());
        this.problems = defs.problems();
        this.agencies = defs.agencies();
        problems.forEach(p -> LOG.warn("Survey definition problem: {}", p));
        var registered = new LinkedHashMap<String, Survey>();
        for (Survey s : defs.surveys().values()) {
            registered.put(s.id(), register(s, dir.resolve(s.source())));
        }
        this.surveys = java.util.Collections.unmodifiableMap(registered);
        LOG.info("Serving {} surveys from {}", surveys.size(), dir);
    }

    public Optional<Survey> find(String id) {
        return Optional.ofNullable(surveys.get(id));
    }

    /** What people read for a survey id: its title, or the id itself when no survey file has it any more. */
    public String title(String id) {
        return find(id).map(Survey::title).orElse(id);
    }

    public Collection<Survey> all() {
        return surveys.values();
    }

    public Agencies agencies() {
        return agencies;
    }

    public List<Problem> problems() {
        return problems;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    public SurveyStatus status(Survey survey) {
        return survey.status(today());
    }

    /** Open surveys offered on a channel, in title order. */
    public List<Survey> open(SurveyChannel channel) {
        return surveys.values().stream()
                .filter(s -> s.offeredOn(channel) && status(s) == SurveyStatus.OPEN)
                .sorted(java.util.Comparator.comparing(Survey::title))
                .toList();
    }

    /** Records that a version has answers, so a later edit of the file makes a new version. */
    public void markAnswered(Survey survey) {
        String key = survey.id() + "@" + survey.version();
        if (answered.add(key)) {
            tx.executeWrite(status -> jdbc.prepareStatement(
                    "UPDATE survey_version SET answered = TRUE WHERE survey_id = ? AND version = ? AND answered = FALSE", ps -> {
                        ps.setString(1, survey.id());
                        ps.setInt(2, survey.version());
                        return ps.executeUpdate();
                    }));
        }
    }

    private Survey register(Survey s, Path file) {
        String source = readQuietly(file);
        return tx.executeWrite(status -> {
            record Row(int version, String hash, boolean answered) {
            }
            List<Row> rows = jdbc.prepareStatement(
                    "SELECT version, content_hash, answered FROM survey_version WHERE survey_id = ? ORDER BY version DESC", ps -> {
                        ps.setString(1, s.id());
                        var rs = ps.executeQuery();
                        var list = new java.util.ArrayList<Row>();
                        while (rs.next()) {
                            list.add(new Row(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
                        }
                        return list;
                    });
            if (rows.isEmpty()) {
                insert(s.id(), s.version(), s.contentHash(), source);
                return s;
            }
            Row latest = rows.getFirst();
            if (latest.hash().equals(s.contentHash())) {
                if (latest.answered()) {
                    answered.add(s.id() + "@" + latest.version());
                }
                return s.withVersion(latest.version());
            }
            if (latest.answered()) {
                int next = Math.max(s.version(), latest.version() + 1);
                insert(s.id(), next, s.contentHash(), source);
                LOG.info("Survey '{}' changed after it had answers: now version {}", s.id(), next);
                return s.withVersion(next);
            }
            int version = Math.max(s.version(), latest.version());
            jdbc.prepareStatement("DELETE FROM survey_version WHERE survey_id = ? AND version = ?", ps -> {
                ps.setString(1, s.id());
                ps.setInt(2, latest.version());
                return ps.executeUpdate();
            });
            insert(s.id(), version, s.contentHash(), source);
            return s.withVersion(version);
        });
    }

    private void insert(String id, int version, String hash, String source) {
        jdbc.prepareStatement("INSERT INTO survey_version (survey_id, version, content_hash, definition, answered, registered_at) VALUES (?, ?, ?, ?, FALSE, ?)", ps -> {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, hash);
            ps.setString(4, source);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
