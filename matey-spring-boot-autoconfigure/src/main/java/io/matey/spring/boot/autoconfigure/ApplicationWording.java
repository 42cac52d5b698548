package io.matey.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core's messages open with the CLI command they come from ({@code db migrate refused: ...}); in an application the
 * user ran no command, so that opening names the application's work instead (the start-up's, the matey endpoint's
 * or the periodic re-check's), and the rest stays the core's (docs/architecture.md §8).
 *
 * @param kind  before the work's name: {@code start-up } in {@code Matey's start-up migration}
 * @param where how the work was asked for ({@code POST /actuator/matey/db/core}), or empty
 */
public record ApplicationWording(String kind, String where) {

    public static final ApplicationWording START_UP = new ApplicationWording("start-up ", "");
    public static final ApplicationWording RECHECK = new ApplicationWording("periodic ", "matey.health.recheck-interval");

    /** The matey endpoint's work, asked for by {@code method} on the real {@code path} ({@code POST /actuator/matey/db/core}). */
    public static ApplicationWording endpoint(String method, String path) {
        return new ApplicationWording("", method + " " + path);
    }

    /** {@code db migrate}, {@code db drift}, ..., a step of it, then what became of it (or of the files it would run). */
    private static final Pattern COMMAND =
            Pattern.compile("^db (\\w+)((?: [\\w-]+)*) (failed|refused|refuses)(?=:| on | the migrations )");

    /** The message with its command opening, if any, as this work: {@code Matey's migration (POST ...) failed: }. */
    public String of(String message) {
        Matcher command = COMMAND.matcher(message);
        if (!command.find()) {
            return message;
        }
        String work = switch (command.group(1)) {
            case "migrate", "up" -> "migration";
            case "adopt" -> "adoption";
            default -> "check";
        };
        return "Matey's " + kind + work + details(command.group(2).strip()) + " " + command.group(3)
                + message.substring(command.end());
    }

    /** {@code (POST /actuator/matey/db/core, post-status)}: how it was asked for and the step, if any. */
    private String details(String step) {
        String details = where.isEmpty() ? step : step.isEmpty() ? where : where + ", " + step;
        return details.isEmpty() ? "" : " (" + details + ")";
    }
}
