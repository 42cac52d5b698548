package io.matey.lint;

import io.matey.artifact.Snapshot;
import io.matey.engine.Engine;
import io.matey.error.MateyException;
import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.SqlParser;
import io.matey.workspace.TargetConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every command that runs migrations refuses before running any (docs/architecture.md §9), with lint's codes:
 * a repeated version (L002), an up section without SQL (L005), a client command such as {@code DELIMITER} (L011) or,
 * where JSqlParser is present, CONCURRENTLY inside a transaction (L407) always; files dbmate refuses or never runs (L008,
 * L009, L010) or fails on (L013) unless the target's {@code config.toml} sets {@code allow_non_dbmate_files = true}, since Matey would
 * otherwise run them differently from dbmate, or record a version dbmate never would.
 */
public final class RunnableMigrations {

    private static final Set<String> ALWAYS = Set.of("L002", "L005", "L011", "L407");
    private static final Set<String> DBMATE_ONLY = Set.of("L008", "L009", "L010", "L013");

    private RunnableMigrations() {
    }

    /** @param opening what the refusal opens with: the command, in its caller's terms (docs/architecture.md §8) */
    public static void require(TargetConfig target, Snapshot snapshot, String opening) {
        LintContext context = LintContext.of(target, snapshot, Optional.empty());
        // A broken marker structure has its own exact message (file and line).
        snapshot.migrations().forEach((file, bytes) ->
                new Migration(file, Snapshot.versionOf(file), bytes).requireReadableIn(target.name()));
        context.readableMigrations().forEach(file -> file.script().requireValid());
        Findings findings = new Findings(target.name(), Map.of(), target.allowNonDbmateFiles());
        new VersionRule().check(context, findings);
        new DbmateFileNameRule().check(context, findings);
        new DbmateMarkerRule().check(context, findings);
        new ClientCommandRule().check(context, findings);
        if (context.dialect().isPresent()) {
            // Not the whole SectionRule: its other checks parse statements, and the lean starter has no parser.
            context.readableMigrations().forEach(file -> SectionRule.checkUpExecutable(context, file, findings));
            new ImplicitTransactionRule().check(context, findings);
            if (SqlParser.PRESENT && context.facts().concurrentIndexBuilds()) {
                context.readableMigrations().forEach(file -> IndexLockingRule.checkConcurrently(file, findings));
            }
        }
        List<Finding> refused = findings.sorted().stream()
                .filter(f -> ALWAYS.contains(f.code())
                        || (!target.allowNonDbmateFiles() && DBMATE_ONLY.contains(f.code())))
                .toList();
        if (refused.isEmpty()) {
            return;
        }
        String list = refused.stream()
                .map(f -> f.code() + " " + f.path() + (f.line() == null ? "" : ":" + f.line()) + ": " + f.message())
                .collect(Collectors.joining("\n  "));
        boolean dbmate = refused.stream().anyMatch(f -> DBMATE_ONLY.contains(f.code()));
        throw new MateyException(opening + " refuses the migrations of target '" + target.name()
                + "'; nothing ran:\n  " + list + "\nFix the files (`matey lint` lists them with hints)"
                + (dbmate ? ", or set allow_non_dbmate_files = true in " + target.configFile()
                        + " to run files dbmate refuses as Matey reads them" : "")
                + ".");
    }

    /**
     * {@code matey dbmate}, which has no target: refuses the one file it is about to run as dbmate does, for
     * statements before the up marker, no up marker or no down marker (L009, L010), and fails on it, for a statement
     * refused in a transaction block among others in a {@code transaction:false} section (L013). A file holding git
     * conflict markers is refused first, with the same dbmate {@code verb} as the way on once it is resolved.
     */
    public static void requireDbmateRuns(Migration migration, Engine engine, String verb) {
        migration.requireReadable(MigrationScript.resolveConflict("run the same `matey dbmate " + verb
                + "` command again"));
        MigrationFile file = new MigrationFile(migration.file(), migration.bytes(), Optional.of(engine.dialect()));
        if (!file.readable()) {
            return; // the runner names a file that is not UTF-8 itself
        }
        Findings findings = Findings.ofDbmate();
        DbmateMarkerRule.checkRefused(file, findings);
        ImplicitTransactionRule.check(file, engine.dialect(), engine.lint(), findings);
        findings.sorted().stream().findFirst().ifPresent(f -> {
            throw new MateyException(f.path() + (f.line() == null ? "" : ":" + f.line()) + ": " + f.message()
                    + " Fix: " + f.hint() + ".");
        });
    }
}
