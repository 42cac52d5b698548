package io.matey.engine.postgres;

import io.matey.engine.MateyUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checkpoint states kept as template databases ({@code matey_tpl_<group>_<digest>}): cloning one with
 * {@code CREATE DATABASE ... TEMPLATE} copies files instead of re-running hundreds of DDL statements, which is
 * most of an incremental replay. One template per group (target) is kept; a new checkpoint replaces it.
 */
final class TemplateCache {

    /** SQLSTATE 55006: the template is in use (another replay is cloning or building it). */
    private static final String OBJECT_IN_USE = "55006";
    private static final String DUPLICATE_DATABASE = "42P04";

    private final PostgresEngine engine;

    TemplateCache(PostgresEngine engine) {
        this.engine = engine;
    }

    boolean create(MateyUrl url, String group, String dump) throws SQLException {
        String prefix = "matey_tpl_" + group + "_";
        String template = prefix + fingerprint(dump);
        MateyUrl templateUrl = engine.siblingUrl(url, template);
        if (!engine.databaseExists(templateUrl) && !build(templateUrl, dump)) {
            return false;
        }
        PostgresConnector connector = new PostgresConnector(url);
        try (Connection c = connector.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(connector.database()) + " TEMPLATE " + quote(template));
        } catch (SQLException e) {
            if (OBJECT_IN_USE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        dropOthers(url, prefix, template);
        return true;
    }

    /** Builds the template under a temporary name and renames it, so a half-loaded template is never cloned. */
    private boolean build(MateyUrl templateUrl, String dump) throws SQLException {
        String name = new PostgresConnector(templateUrl).database();
        MateyUrl building = engine.siblingUrl(templateUrl, name + "_b");
        engine.dropDatabase(building);
        engine.createDatabase(building);
        try (Connection c = engine.connect(building)) {
            engine.loadAtomically(c, dump);
        }
        PostgresConnector connector = new PostgresConnector(building);
        try (Connection c = connector.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + quote(connector.database()) + " RENAME TO " + quote(name));
            return true;
        } catch (SQLException e) {
            engine.dropDatabase(building);
            if (DUPLICATE_DATABASE.equals(e.getSQLState()) || OBJECT_IN_USE.equals(e.getSQLState())) {
                return engine.databaseExists(templateUrl); // a concurrent replay built it first
            }
            throw e;
        }
    }

    private void dropOthers(MateyUrl url, String prefix, String keep) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Connection c = new PostgresConnector(url).connectMaintenance();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT datname FROM pg_database WHERE starts_with(datname, ?) AND datname <> ?")) {
            ps.setString(1, prefix);
            ps.setString(2, keep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            engine.dropDatabase(engine.siblingUrl(url, name));
        }
    }

    private static String fingerprint(String dump) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dump.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
