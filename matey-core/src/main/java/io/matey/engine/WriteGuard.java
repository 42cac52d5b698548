package io.matey.engine;

import io.matey.migration.ParsedSql;
import java.util.Optional;

/**
 * The engine's check that a migration statement writes only to the database it runs in (docs/architecture.md
 * §6): replay runs a target's migrations in a scratch database, so a statement that names another database
 * would write outside it. Engines whose statements cannot name another database use {@link #NONE}.
 */
@FunctionalInterface
public interface WriteGuard {

    // A class, not a lambda: the class-data cache keeps no lambda of this interface, which initialises this field
    // and has a default method, so every process would link one afresh (docs/architecture.md §8).
    WriteGuard NONE = new WriteGuard() {
        @Override
        public Optional<String> foreignWrite(ParsedSql statement) {
            return Optional.empty();
        }
    };

    /** Why this statement would write outside its database (one sentence, no statement text); empty when it would not. */
    Optional<String> foreignWrite(ParsedSql statement);

    /**
     * Why the guard cannot tell what this statement writes (SQL built at run time), with what to write instead; empty
     * when it can. Replay refuses such a statement, since it might write outside its scratch database, unless a
     * nolint comment vouches for it; live commands run it, in the user's own database (docs/architecture.md §6).
     */
    default Optional<String> unchecked(ParsedSql statement) {
        return Optional.empty();
    }
}
