package io.matey.live;

import io.matey.engine.MigrationTable;
import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions that the worktree's migrations write into {@code schema_migrations} themselves (docs/architecture.md §7):
 * a history that excised a migration deletes its version in a later up section and restores it in that section's
 * down. Recorded without a worktree file, such a version is the history's own bookkeeping, which dbmate ignores as
 * it ignores every recorded version without a file, not a sign that the database ran migrations the worktree lacks.
 */
final class SelfRecordedVersions {

    private static final Pattern TABLE = Pattern.compile("\\b" + MigrationTable.NAME + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE = Pattern.compile("(?i)(INSERT|DELETE|UPDATE|REPLACE)\\b.*", Pattern.DOTALL);
    private static final Pattern VERSION_LITERAL = Pattern.compile("'([0-9]+)'");

    private SelfRecordedVersions() {
    }

    /** The versions quoted in statements that insert, delete or update rows of {@code schema_migrations}. */
    static Set<String> of(List<Migration> migrations, SqlDialect dialect) {
        Set<String> versions = new HashSet<>();
        for (Migration migration : migrations) {
            if (!new String(migration.bytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(MigrationTable.NAME)) {
                continue;
            }
            MigrationScript script = migration.script();
            for (Section section : List.of(script.up(), script.down())) {
                for (SqlStatement statement : section.statements(dialect)) {
                    String code = statement.code();
                    if (WRITE.matcher(code).matches() && TABLE.matcher(code).find()) {
                        Matcher literal = VERSION_LITERAL.matcher(code);
                        while (literal.find()) {
                            versions.add(literal.group(1));
                        }
                    }
                }
            }
        }
        return versions;
    }
}
