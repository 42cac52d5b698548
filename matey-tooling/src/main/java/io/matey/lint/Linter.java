package io.matey.lint;

import io.matey.artifact.Snapshot;
import io.matey.engine.LockNotices;
import io.matey.error.MateyException;
import io.matey.lint.Finding.Level;
import io.matey.replay.GitBaseSnapshot;
import io.matey.workspace.TargetConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code matey lint} for one target: static checks of its migrations (dbmate structure and compatibility,
 * reversibility, safety of the changes) and of its artifacts. Reads files only (after rolling back an interrupted
 * artifact write, like every command that reads artifacts); touches no database.
 */
public final class Linter {

    /** Rules that read file names, markers and artifacts. */
    private static final List<LintRule> FILE_RULES = List.of(new EncodingRule(), new DirectiveRule(),
            new VersionRule(), new DbmateMarkerRule(), new DbmateFileNameRule(), new ArtifactRule(),
            new InexactDownRule(), new LockRolesRule(), new ClientCommandRule(), new NolintRule(),
            new DataManifestRule());

    /** Rules that read SQL statements; they need the engine's plug-in (L200 says when there is none). */
    private static final List<LintRule> SQL_RULES = List.of(new SectionRule(), new QualifiedWriteRule(),
            new DestructiveChangeRule(), new DataDependentChangeRule(), new RenameRule(), new IndexLockingRule(),
            new LockingAlterRule(), new LossyColumnChangeRule(),
            new MutationRule(), new ClusterDdlRule(), new SystemTimeIntervalRule(), new EventClockScheduleRule(),
            new ImplicitForeignKeyIndexRule(),
            new SearchPathLeftChangedRule(), new TimeoutLeftChangedRule(), new NewEnumValueUseRule(), new ServerLevelRule(), new UndumpedPrivilegeRule(), new ExtensionMemberRule(), new DumpSupportRule(),
            new ImplicitTransactionRule(), new MultiStatementSectionRule());

    private Linter() {
    }

    /** Style rules: layout only ({@code --no-style} skips them). */
    private static final List<LintRule> STYLE_RULES = List.of(new StyleRule());

    /**
     * What to check.
     *
     * @param engine   the engine for a target without a lock ({@code --engine}); the lock's engine wins, and a
     *                 different one is L209. Empty: config.toml's engine
     * @param semantic the L rules (structure, dbmate compatibility, reversibility, changes, artifacts)
     * @param style    the SF style rules
     * @param base     {@code --base REF}: also compare the migrations with those at the merge base of HEAD and REF
     *                 (L109, with the L rules)
     */
    public record Options(Optional<String> engine, boolean semantic, boolean style, Optional<String> base) {

        public static final Options ALL = new Options(Optional.empty(), true, true);

        public Options {
            if (!semantic && !style) {
                throw new MateyException("Lint must run at least one of semantic or style checks.");
            }
        }

        public Options(Optional<String> engine, boolean semantic, boolean style) {
            this(engine, semantic, style, Optional.empty());
        }
    }

    /** The target's findings with every rule, ordered by path, line (0 when absent), code and message. */
    public static List<Finding> lint(TargetConfig target) {
        return lint(target, Options.ALL);
    }

    /** The target's findings, ordered by path, line (0 when absent), code and message; waits for locks untold. */
    public static List<Finding> lint(TargetConfig target, Options options) {
        return lint(target, options, LockNotices.NONE);
    }

    /**
     * The target's findings, ordered by path, line (0 when absent), code and message.
     *
     * @param notices where a wait for the target lock is told
     */
    public static List<Finding> lint(TargetConfig target, Options options, LockNotices notices) {
        Snapshot snapshot;
        try {
            snapshot = Snapshot.ofRecoveredWorktree(target.dir(), target.name(), notices);
        } catch (MateyException e) {
            // Without a snapshot (a symlink, an unreadable file) nothing else can be checked.
            Findings findings = new Findings(target.name(), Map.of(), target.allowNonDbmateFiles());
            findings.addWithFix(Level.ERROR, "L201", ".", null, e.getMessage(),
                    "make migrations/ and checkpoints/ hold readable regular files named in UTF-8, without symlinks");
            return findings.sorted();
        }
        LintContext context = LintContext.of(target, snapshot, options.engine());
        Map<String, Nolint> nolint = context.readableMigrations().stream()
                .collect(Collectors.toMap(MigrationFile::path, MigrationFile::nolint));
        Findings findings = new Findings(target.name(), nolint, target.allowNonDbmateFiles());
        if (options.semantic()) {
            FILE_RULES.forEach(rule -> rule.check(context, findings));
            options.base().ifPresent(ref -> new BaseBranchRule(ref, GitBaseSnapshot.read(target.dir(), target.name(), ref))
                    .check(context, findings));
            if (context.dialect().isPresent()) {
                SQL_RULES.forEach(rule -> rule.check(context, findings));
            }
        }
        if (options.style()) {
            STYLE_RULES.forEach(rule -> rule.check(context, findings));
        }
        return findings.sorted();
    }
}
