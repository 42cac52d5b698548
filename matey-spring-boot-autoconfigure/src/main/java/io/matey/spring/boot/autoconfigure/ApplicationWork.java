package io.matey.spring.boot.autoconfigure;

/**
 * The application's work that asks Matey to check or migrate a target: the start-up's, the matey endpoint's or the
 * periodic re-check's. Core's messages open with it where the CLI's name the command the user ran
 * ({@code Matey's start-up migration failed: ...} for {@code db migrate failed: ...}), for in an application the user
 * ran none: core asks for the opening through {@link ApplicationTerms} (docs/architecture.md §8).
 *
 * @param kind  before the work's name: {@code start-up } in {@code Matey's start-up migration}
 * @param where how the work was asked for ({@code POST /actuator/matey/db/core}), or empty
 */
public record ApplicationWork(String kind, String where) {

    public static final ApplicationWork START_UP = new ApplicationWork("start-up ", "");
    public static final ApplicationWork RECHECK = new ApplicationWork("periodic ", "matey.health.recheck-interval");

    /** The matey endpoint's work, asked for by {@code method} on the real {@code path} ({@code POST /actuator/matey/db/core}). */
    public static ApplicationWork endpoint(String method, String path) {
        return new ApplicationWork("", method + " " + path);
    }

    /**
     * What a message of core's live {@code command} opens with, at {@code step} of it ({@code post-status}, or empty):
     * {@code Matey's migration (POST /actuator/matey/db/core, post-status)}. The commands that run migrations are the
     * application's migration, adoption is its adoption, and every command that only reads is its check.
     */
    String opening(String command, String step) {
        String work = switch (command) {
            case "db migrate", "db up" -> "migration";
            case "db adopt" -> "adoption";
            default -> "check";
        };
        String details = where.isEmpty() ? step : step.isEmpty() ? where : where + ", " + step;
        return "Matey's " + kind + work + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
