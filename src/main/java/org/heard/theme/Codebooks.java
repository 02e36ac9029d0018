package org.heard.theme;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.definition.Problem;
import org.heard.platform.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Codebooks and their themes in the database. Files in {@code surveys/codebooks/} are brought in at
 * start-up, and again whenever a file changes; staff edit them in the service between times.
 */
@Singleton
public class Codebooks {
    private static final Logger LOG = LoggerFactory.getLogger(Codebooks.class);

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final ThemeConfiguration config;
    private final Clock clock;

    Codebooks(Sql sql, TransactionOperations<Connection> tx, ThemeConfiguration config, Clock clock) {
        this.sql = sql;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    /** A codebook as stored: its row id, its themes' ids by lower-case name, and how often its codes have changed. */
    record Stored(long id, Codebook codebook, Map<String, Long> themeIds, long codesVersion) {
        Optional<Long> themeId(String name) {
            return Optional.ofNullable(themeIds.get(name.toLowerCase(Locale.ROOT)));
        }

        String themeName(long themeId) {
            return codebook.themes().stream().filter(t -> themeIds.get(t.name().toLowerCase(Locale.ROOT)) == themeId)
                    .map(Codebook.Theme::name).findFirst().orElseThrow();
        }
    }

    /** Checks every codebook file in a folder, adding its problems; returns how many are valid. */
    public static int check(Path dir, List<Problem> problems) {
        return CodebookFile.readFolder(dir, problems).size();
    }

    @EventListener
    void onStartup(ServerStartupEvent e) {
        syncFiles();
    }

    /** Brings in codebook files that are new or changed since they were last brought in. */
    void syncFiles() {
        var problems = new ArrayList<Problem>();
        Map<Path, Codebook> files = CodebookFile.readFolder(Path.of(config.codebooksDir()), problems);
        problems.forEach(p -> LOG.warn("Codebook file problem: {}", p));
        files.forEach((file, cb) -> {
            String hash = hash(CodebookFile.write(cb));
            Optional<String> known = tx.executeRead(s -> sql.one("SELECT file_hash FROM codebook WHERE name = ?",
                    rs -> String.valueOf(rs.getString(1)), cb.name()));
            if (known.isEmpty() || !known.get().equals(hash)) {
                try {
                    save(cb, hash);
                    LOG.info("Codebook {} brought in from {}", cb.name(), file.getFileName());
                } catch (RuntimeException e) {
                    // Another instance starting at the same moment may have brought it in first; the service starts either way.
                    LOG.warn("Codebook {} could not be brought in from {}: {}", cb.name(), file.getFileName(), e.getMessage());
                }
            }
        });
    }

    public List<Codebook> all() {
        return tx.executeRead(s -> sql.list("SELECT name FROM codebook ORDER BY name", rs -> rs.getString(1)))
                .stream().map(this::find).flatMap(Optional::stream).map(Stored::codebook).toList();
    }

    Optional<Stored> find(String name) {
        return tx.executeRead(s -> sql.one("SELECT id, name, title, description, suggest_threshold, codes_version FROM codebook WHERE name = ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getLong(6)}, name)
                .map(row -> {
                    long id = (Long) row[0];
                    var ids = new LinkedHashMap<String, Long>();
                    List<Codebook.Theme> themes = sql.list("SELECT id, name, description, parent, theme_query FROM theme WHERE codebook_id = ? ORDER BY sort_order, id",
                            rs -> {
                                ids.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
                                return theme(rs);
                            }, id);
                    return new Stored(id, new Codebook((String) row[1], (String) row[2], (String) row[3], (Double) row[4], themes),
                            Map.copyOf(ids), (Long) row[5]);
                }));
    }

    private static Codebook.Theme theme(ResultSet rs) throws SQLException {
        return new Codebook.Theme(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /**
     * Makes the stored codebook match this one: themes matched by name are kept with their codes,
     * new ones added, and themes no longer listed removed with their codes.
     */
    Stored save(Codebook cb, String fileHash) {
        tx.executeWrite(s -> {
            Optional<Stored> existing = find(cb.name());
            long id;
            if (existing.isEmpty()) {
                id = sql.insert("INSERT INTO codebook (name, title, description, suggest_threshold, codes_version, file_hash, updated_at) "
                        + "VALUES (?, ?, ?, ?, 0, ?, ?)", cb.name(), cb.title(), cb.description(), cb.threshold(), fileHash, clock.instant());
            } else {
                id = existing.get().id();
                sql.update("UPDATE codebook SET title = ?, description = ?, suggest_threshold = ?, file_hash = COALESCE(?, file_hash), "
                        + "codes_version = codes_version + 1, updated_at = ? WHERE id = ?",
                        cb.title(), cb.description(), cb.threshold(), fileHash, clock.instant(), id);
            }
            Map<String, Long> ids = existing.map(Stored::themeIds).orElse(Map.of());
            var keep = new java.util.HashSet<String>();
            int order = 0;
            for (Codebook.Theme t : cb.themes()) {
                String key = t.name().toLowerCase(Locale.ROOT);
                keep.add(key);
                Long themeId = ids.get(key);
                if (themeId == null) {
                    sql.insert("INSERT INTO theme (codebook_id, name, description, parent, theme_query, sort_order) VALUES (?, ?, ?, ?, ?, ?)",
                            id, t.name(), t.description(), t.parent(), t.query(), order++);
                } else {
                    sql.update("UPDATE theme SET name = ?, description = ?, parent = ?, theme_query = ?, sort_order = ? WHERE id = ?",
                            t.name(), t.description(), t.parent(), t.query(), order++, themeId);
                }
            }
            ids.forEach((key, themeId) -> {
                if (!keep.contains(key)) {
                    sql.update("DELETE FROM theme WHERE id = ?", themeId);
                }
            });
            return id;
        });
        return find(cb.name()).orElseThrow();
    }

    /** Adds themes that are not yet in the codebook (creating the codebook if needed), inside the caller's transaction. */
    Stored ensureThemes(String codebook, List<String> themeNames) {
        Stored stored = find(codebook).orElseGet(() -> save(new Codebook(codebook, codebook, "", Codebook.DEFAULT_THRESHOLD, List.of()), null));
        var missing = themeNames.stream().filter(n -> stored.themeId(n).isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
        if (missing.isEmpty()) {
            return stored;
        }
        var themes = new ArrayList<>(stored.codebook().themes());
        for (String name : themeNames) {
            if (missing.contains(name.toLowerCase(Locale.ROOT)) && themes.stream().noneMatch(t -> t.name().equalsIgnoreCase(name))) {
                themes.add(new Codebook.Theme(name, "", null, null));
            }
        }
        Codebook cb = stored.codebook();
        return save(new Codebook(cb.name(), cb.title(), cb.description(), cb.threshold(), themes), null);
    }

    boolean delete(String name) {
        return tx.executeWrite(s -> sql.update("DELETE FROM codebook WHERE name = ?", name) == 1);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
