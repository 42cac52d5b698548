package io.matey.engine.mysql;

import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.migration.ParsedSql;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL statements may name any database of the server: {@code other_db.t}, {@code USE other_db},
 * {@code CREATE DATABASE}. Every qualified write target is refused, the target's own database name included,
 * since in a replay that name is the live database, not the scratch one (docs/architecture.md §6).
 */
final class MysqlWriteGuard implements WriteGuard {

    @Override
    public Optional<String> foreignWrite(ParsedSql statement) {
        if (WriteTargets.startsWith(statement, "USE")) {
            return Optional.of("USE switches the session to another database");
        }
        Optional<String> database = WriteTargets.databaseStatement(statement, Set.of("DATABASE", "SCHEMA"));
        if (database.isPresent()) {
            return Optional.of(database.get() + " acts on a database of its own");
        }
        return WriteTargets.of(statement).stream().filter(WriteTargets.Name::qualified).findFirst()
                .map(name -> "write target " + name + " names database " + name.qualifier());
    }
}
