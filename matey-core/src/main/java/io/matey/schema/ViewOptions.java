package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL view whose only change is its options ({@code security_barrier}, {@code check_option},
 * {@code security_invoker}), as the dump writes them ({@code CREATE VIEW v WITH (a=b) AS ...}): drafted as
 * {@code ALTER VIEW v SET (...)} and {@code RESET (...)}, which keep the view and what reads it (docs/architecture.md
 * §2).
 */
final class ViewOptions {

    private static final Pattern VIEW = Pattern.compile(
            "^CREATE VIEW ((?:\"(?:[^\"]|\"\")*\"|[^\\s\"])+)(?: WITH \\(([^()]*)\\))? AS\\n(.*)$", Pattern.DOTALL);

    private ViewOptions() {
    }

    /** The statements turning view {@code from} into {@code to}, or null when more than their options differ. */
    static String alter(String from, String to) {
        Matcher before = VIEW.matcher(from);
        Matcher after = VIEW.matcher(to);
        if (!before.matches() || !after.matches() || !before.group(1).equals(after.group(1))
                || !before.group(3).equals(after.group(3))) {
            return null;
        }
        Map<String, String> old = options(before.group(2));
        Map<String, String> now = options(after.group(2));
        List<String> set = new ArrayList<>();
        now.forEach((name, value) -> {
            if (!value.equals(old.get(name))) {
                set.add(name + "=" + value);
            }
        });
        List<String> reset = new ArrayList<>();
        for (String name : old.keySet()) {
            if (!now.containsKey(name)) {
                reset.add(name);
            }
        }
        List<String> statements = new ArrayList<>();
        String view = "ALTER VIEW " + after.group(1);
        if (!set.isEmpty()) {
            statements.add(view + " SET (" + String.join(", ", set) + ");");
        }
        if (!reset.isEmpty()) {
            statements.add(view + " RESET (" + String.join(", ", reset) + ");");
        }
        return statements.isEmpty() ? null : String.join("\n", statements);
    }

    /** {@code a=b, c=d} by name, in the dump's order. */
    private static Map<String, String> options(String list) {
        Map<String, String> options = new LinkedHashMap<>();
        if (list != null) {
            for (String option : list.split(", ")) {
                int equals = option.indexOf('=');
                options.put(equals < 0 ? option : option.substring(0, equals), equals < 0 ? "true" : option.substring(equals + 1));
            }
        }
        return options;
    }
}
