package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.SchemaDump;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An adoption refused only because the database still holds Flyway's or Liquibase's history table, which no
 * checkpoint has: a database taken over from them, whose table is dropped once they no longer run against it
 * (README, "Moving from Flyway or Liquibase"). Its message and {@link #action()} say so, rather than to change the
 * schema or the migrations.
 */
public final class ForeignHistoryRefusal extends MateyException {

    static final String SECTION = "README, \"Moving from Flyway or Liquibase\"";

    private static final Pattern TABLE = Pattern.compile(
            "\\b(flyway_schema_history|databasechangelog|databasechangeloglock)\\b", Pattern.CASE_INSENSITIVE);

    private final List<String> tables;

    private ForeignHistoryRefusal(String message, List<String> tables) {
        super(Reason.ADOPTION_REFUSED, message);
        this.tables = tables;
    }

    /**
     * @param refused the refusal's message up to its advice
     * @return the refusal when the live schema without those tables' statements equals {@code expected}, else null
     */
    static ForeignHistoryRefusal of(String refused, String live, String expected) {
        Set<String> tables = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        for (String statement : SchemaDump.withoutMigrations(live).split("(?<=;\n)")) {
            Matcher table = TABLE.matcher(statement);
            boolean history = false;
            while (table.find()) {
                tables.add(table.group(1).toLowerCase());
                history = true;
            }
            if (!history) {
                rest.append(statement);
            }
        }
        if (tables.isEmpty() || !blankLinesFolded(rest.toString()).equals(blankLinesFolded(expected))) {
            return null;
        }
        List<String> names = List.copyOf(tables);
        return new ForeignHistoryRefusal(refused + action(names) + " Nothing was recorded.", names);
    }

    private static String blankLinesFolded(String dump) {
        return SchemaDump.withoutMigrations(dump).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** What to do: drop the tables, once the tool that wrote them no longer runs here, then adopt again. */
    public String action() {
        return action(tables);
    }

    private static String action(List<String> tables) {
        boolean flyway = tables.contains("flyway_schema_history");
        return "The only difference is " + (flyway ? "Flyway's" : "Liquibase's") + " history ("
                + String.join(", ", tables) + "), which no checkpoint has: once nothing runs " + (flyway ? "Flyway"
                : "Liquibase") + " against this database, drop it (" + tables.stream().map(t -> "DROP TABLE " + t)
                .reduce((a, b) -> a + "; " + b).orElseThrow() + "), after the take-over steps in " + SECTION
                + ", and adopt again.";
    }

    public List<String> tables() {
        return tables;
    }
}
