package io.matey.shell;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A report over several targets ({@code --all}): every target is reported even when another one fails, and the
 * exit code is the worst (2 a target failed, else 1 for {@code --exit-code} and a problem, else 0), also when
 * {@code --all} finds only one target, so that its JSON keeps one shape. Without {@code --all} (one target) a
 * failure is the command's own error, as for any command.
 */
public final class TargetReports {

    /** One target's result, or the user error that stopped it. */
    public record Outcome<T>(String target, T result, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    private TargetReports() {
    }

    /**
     * Runs the report of each target, loaded one by one ({@code Matey.targetsEach}), so that with {@code --all} a
     * config.toml that cannot be read fails only its own target.
     */
    public static <T> List<Outcome<T>> run(Map<String, Supplier<TargetConfig>> targets, boolean all,
            Function<TargetConfig, T> report) {
        List<Outcome<T>> outcomes = new ArrayList<>();
        targets.forEach((name, target) -> {
            if (!all) {
                outcomes.add(new Outcome<>(name, report.apply(target.get()), null));
                return;
            }
            try {
                outcomes.add(new Outcome<>(name, report.apply(target.get()), null));
            } catch (MateyException e) {
                outcomes.add(new Outcome<>(name, null, MateyUrl.mask(e.getMessage())));
            }
        });
        return outcomes;
    }

    /** Text: each target's block under its name; a failed target's error on stderr in its place. */
    public static <T> void print(Console console, List<Outcome<T>> outcomes, Function<T, String> block) {
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<T> outcome = outcomes.get(i);
            String header = (i > 0 ? "\n" : "") + (outcomes.size() > 1 ? Style.bold(outcome.target()) + "\n" : "");
            if (outcome.failed()) {
                console.write(header);
                Console.error(outcome.target() + ": " + outcome.error());
            } else {
                String text = block.apply(outcome.result());
                console.write(header + text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n"));
            }
        }
    }

    /** JSON: an array with one object per target; a failed target is {@code {"target": ..., "error": ...}}. */
    public static <T> List<Map<String, Object>> json(List<Outcome<T>> outcomes, Function<T, Map<String, Object>> object) {
        return outcomes.stream().map(o -> {
            if (!o.failed()) {
                return object.apply(o.result());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", o.target());
            json.put("error", o.error());
            return json;
        }).toList();
    }

    /** Ends the command with the worst exit code of the targets. */
    public static <T> void exit(List<Outcome<T>> outcomes, boolean exitCodeRequested, Predicate<T> problem) {
        if (outcomes.stream().anyMatch(Outcome::failed)) {
            throw new ExitStatusException(2);
        }
        Console.exitIf(exitCodeRequested, outcomes.stream().anyMatch(o -> problem.test(o.result())));
    }
}
