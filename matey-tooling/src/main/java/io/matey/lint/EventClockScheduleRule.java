package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * L412: an event schedule whose time is computed from the clock ({@code AT CURRENT_TIMESTAMP + INTERVAL 1 DAY},
 * {@code STARTS NOW() + ...}, {@code ENDS ...}) on engines with events ({@link LintDialect#eventSchedules}). The
 * server stores the computed time, which the dump prints to the second, so every replay writes another
 * {@code schema.sql} and a live database matches none. A bare {@code STARTS CURRENT_TIMESTAMP} is the default start,
 * which the dump leaves out, and is not reported.
 */
final class EventClockScheduleRule implements LintRule {

    private static final Set<String> CLOCK = Set.of("CURRENT_TIMESTAMP", "NOW", "SYSDATE", "UTC_TIMESTAMP",
            "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_DATE", "CURDATE", "UTC_DATE", "UNIX_TIMESTAMP");
    /** The clauses a schedule's time expression runs up to. */
    private static final Set<String> SCHEDULE_END = Set.of("STARTS", "ENDS", "ON", "ENABLE", "DISABLE", "COMMENT",
            "DO");

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().eventSchedules()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.upStatements()) {
                if ((statement.startsWith("CREATE") || statement.startsWith("ALTER")) && statement.contains("EVENT")) {
                    clockClause(statement.tokens()).ifPresent(clause -> findings.add(Level.ERROR, "L412", file.path(),
                            statement.line(), "'" + statement.source().summary() + "' computes the event's " + clause
                                    + " time from the clock: the server keeps the time it computed, which the schema "
                                    + "dump records to the second, so every replay writes another schema.sql and no "
                                    + "live database matches it. Write a fixed time (" + clause + " '2030-01-01 "
                                    + "00:00:00'), or leave STARTS out of a repeating schedule (it then starts when "
                                    + "created, which the dump leaves out); do one-time work in the migration itself."));
                }
            }
        }
    }

    /** The first of {@code AT}, {@code STARTS}, {@code ENDS} in the schedule whose expression reads the clock. */
    private static Optional<String> clockClause(List<Token> tokens) {
        for (int i = scheduleStart(tokens); i > 0 && i < tokens.size() && !TokenCursor.is(tokens.get(i), "DO"); i++) {
            String clause = upper(tokens.get(i));
            if (!clause.equals("AT") && !clause.equals("STARTS") && !clause.equals("ENDS")) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && !SCHEDULE_END.contains(upper(tokens.get(end)))) {
                end++;
            }
            List<Token> expression = tokens.subList(i + 1, end);
            boolean clock = expression.stream().anyMatch(t -> CLOCK.contains(upper(t)));
            if (clock && !(clause.equals("STARTS") && bareClock(expression))) {
                return Optional.of(clause);
            }
        }
        return Optional.empty();
    }

    /**
     * The index after {@code ON SCHEDULE} of a {@code CREATE|ALTER [DEFINER = ...] EVENT} statement, -1 for any other
     * statement (a table named {@code event} with a column {@code at} is none).
     */
    private static int scheduleStart(List<Token> tokens) {
        boolean event = false;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (event && TokenCursor.is(tokens.get(i), "(")) {
                return -1;
            }
            event |= TokenCursor.is(tokens.get(i), "EVENT");
            if (event && TokenCursor.is(tokens.get(i), "ON") && TokenCursor.is(tokens.get(i + 1), "SCHEDULE")) {
                return i + 2;
            }
        }
        return -1;
    }

    private static String upper(Token token) {
        return token.image.toUpperCase(Locale.ROOT);
    }

    /** {@code CURRENT_TIMESTAMP} or {@code NOW()} alone: the time a schedule without STARTS starts at anyway. */
    private static boolean bareClock(List<Token> expression) {
        return expression.size() == 1 || expression.size() == 3 && expression.get(1).image.equals("(")
                && expression.get(2).image.equals(")");
    }
}
