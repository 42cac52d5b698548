package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The anchor templates on a server, read from {@code pg_database}. Each template's comment records when it was
 * last cloned and for which target directory, which is what eviction orders by.
 */
final class TemplateDirectory {

    private static final String COMMENT_HEAD = "matey anchor template; last used ";

    private record Entry(String database, TemplateName template, Instant lastUsed) {
    }

    private final Connection connection;

    TemplateDirectory(Connection connection) {
        this.connection = connection;
    }

    boolean exists(TemplateName template) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, template.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void touch(TemplateName template, Instant now, String group) throws SQLException {
        String comment = COMMENT_HEAD + now + "; " + group;
        try (Statement st = connection.createStatement()) {
            st.execute("COMMENT ON DATABASE " + TemplateCache.quote(template.name()) + " IS '"
                    + comment.replace("'", "''") + "'");
        }
    }

    /**
     * The databases that may go, each with the template whose lock guards it: the group's older templates,
     * leftovers of builds, and beyond {@code kept} templates on the server the least recently used.
     */
    List<Evictable> evictable(TemplateName current, int kept) throws SQLException {
        List<Entry> others = new ArrayList<>();
        List<Evictable> evictable = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT datname, shobj_description(oid, 'pg_database') "
                + "FROM pg_database WHERE starts_with(datname, ?)")) {
            ps.setString(1, TemplateName.PREFIX);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String database = rs.getString(1);
                    TemplateName template = TemplateName.parse(database).orElse(null);
                    if (template == null || database.equals(current.name())) {
                        continue;
                    }
                    if (TemplateName.isBuilding(database) || template.sameGroup(current)) {
                        evictable.add(new Evictable(database, template));
                    } else {
                        others.add(new Entry(database, template, lastUsed(rs.getString(2))));
                    }
                }
            }
        }
        others.sort(Comparator.comparing(Entry::lastUsed).reversed().thenComparing(Entry::database));
        for (Entry entry : others.subList(Math.min(others.size(), kept - 1), others.size())) {
            evictable.add(new Evictable(entry.database(), entry.template()));
        }
        return evictable;
    }

    /** A database to drop under the exclusive lock of {@code template}. */
    record Evictable(String database, TemplateName template) {
    }

    private static Instant lastUsed(String comment) {
        if (comment == null || !comment.startsWith(COMMENT_HEAD)) {
            return Instant.EPOCH;
        }
        int end = comment.indexOf(';', COMMENT_HEAD.length());
        try {
            return Instant.parse(comment.substring(COMMENT_HEAD.length(), end < 0 ? comment.length() : end));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
