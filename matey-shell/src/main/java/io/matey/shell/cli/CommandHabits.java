package io.matey.shell.cli;

import java.util.List;
import java.util.Map;

/**
 * Commands a dbmate or Flyway user types from habit, which Matey names otherwise: the one to run instead
 * (README "CLI").
 */
final class CommandHabits {

    private static final String DBMATE = " for dbmate's own behaviour)?";

    private static final Map<String, String> TOP = Map.of(
            "up", " Did you mean `matey db up` (or `matey dbmate up`" + DBMATE,
            "migrate", " Did you mean `matey db up` (or `matey dbmate migrate`" + DBMATE,
            "status", " Did you mean `matey db status` (or `matey dbmate status`" + DBMATE,
            "new", " Did you mean `matey db new` (or `matey dbmate new`" + DBMATE,
            "down", " Did you mean `matey db down` (or `matey dbmate down`" + DBMATE,
            "rollback", " Did you mean `matey db down` (or `matey dbmate rollback`" + DBMATE,
            "dump", " Did you mean `matey schema apply`, which writes schema.sql from the migrations (or "
                    + "`matey dbmate dump`, which dumps the live database" + DBMATE,
            "validate", " Did you mean `matey db status` (applied migrations against the worktree's) or `matey db "
                    + "drift` (the live schema against the committed one)?",
            "info", " Did you mean `matey db status`?");

    private static final Map<String, String> DB = Map.of(
            "rollback", " Did you mean `matey db down`?",
            "info", " Did you mean `matey db status`?",
            "validate", " Did you mean `matey db status` or `matey db drift`?");

    private CommandHabits() {
    }

    /** The pointer for words no command has, or null when they are no known habit. */
    static String pointer(List<String> words) {
        if (words.size() == 1) {
            return TOP.get(words.get(0));
        }
        return words.size() == 2 && words.get(0).equals("db") ? DB.get(words.get(1)) : null;
    }
}
