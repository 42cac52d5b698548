package io.matey.engine.mysql;

import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.migration.ParsedSql;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL statements may name any database of the server: {@code other_db.t}, {@code USE other_db},
 * {@code CREATE DATABASE}. Every qualified write target is refused, the target's own database name included,
 * since in a replay that name is the live database, not the scratch one (docs/architecture.md §6). SQL run from a
 * string literal ({@link DynamicSql}) is checked like the statement it holds; SQL built at run time is unchecked.
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
        Optional<String> qualified = WriteTargets.of(statement).stream().filter(WriteTargets.Name::qualified).findFirst()
                .map(name -> "write target " + name + " names database " + name.qualifier());
        if (qualified.isPresent()) {
            return qualified;
        }
        return DynamicSql.of(statement).stream()
                .flatMap(run -> run.literal().flatMap(text -> foreignWrite(ParsedSql.of(text)))
                        .map(reason -> run.how() + " runs a string where " + reason).stream())
                .findFirst();
    }

    @Override
    public Optional<String> unchecked(ParsedSql statement) {
        return DynamicSql.of(statement).stream().filter(run -> run.literal().isEmpty()).findFirst()
                .map(run -> run.how() + " runs SQL built at run time, which cannot be checked before it runs: write "
                        + "the statement itself, or give " + run.how() + " one string literal (a quote in it written '')");
    }
}
