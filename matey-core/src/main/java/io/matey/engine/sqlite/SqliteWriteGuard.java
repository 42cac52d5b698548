package io.matey.engine.sqlite;

import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.migration.ParsedSql;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite reaches other database files only through {@code ATTACH} (which creates a missing file) and
 * {@code VACUUM INTO}; a write target qualified with an attached schema's name writes there. {@code main} is
 * the database itself and {@code temp} belongs to the connection, so both stay allowed. A quoted name is one part
 * whatever it holds: {@code "a.b"} is a table of the database, {@code "a"."b"} and {@code [a].[b]} are qualified
 * (docs/architecture.md §6).
 */
final class SqliteWriteGuard implements WriteGuard {

    private static final Set<String> OWN_SCHEMAS = Set.of("main", "temp", "temporary");

    @Override
    public Optional<String> foreignWrite(ParsedSql statement) {
        if (WriteTargets.startsWith(statement, "ATTACH")) {
            return Optional.of("ATTACH opens another database file");
        }
        if (WriteTargets.startsWith(statement, "VACUUM")
                && statement.tokens().stream().anyMatch(t -> ParsedSql.is(t, "INTO"))) {
            return Optional.of("VACUUM INTO writes a database file");
        }
        return WriteTargets.of(BracketNames.doubleQuoted(statement)).stream()
                .filter(name -> name.qualified() && !OWN_SCHEMAS.contains(name.qualifier().toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(name -> "write target " + name + " is in attached database " + name.qualifier());
    }
}
