package io.matey.shell.command;

import io.matey.Matey;
import io.matey.engine.MateyUrl;
import io.matey.engine.UrlOption;
import io.matey.error.MateyException;
import io.matey.live.Interruption;
import io.matey.live.LiveAdoption;
import io.matey.live.LiveChange;
import io.matey.live.LiveDrift;
import io.matey.live.LivePlan;
import io.matey.live.LivePrefix;
import io.matey.live.LiveStatus;
import io.matey.live.MigrationTiming;
import io.matey.live.StaleMarker;
import io.matey.migration.MigrationParser;
import io.matey.migration.NewMigration;
import io.matey.migration.Section;
import io.matey.schema.ServerDefaultsDiff;
import io.matey.shell.CommandFacade;
import io.matey.shell.Console;
import io.matey.shell.Json;
import io.matey.shell.Progress;
import io.matey.shell.ReportFormat;
import io.matey.shell.Style;
import io.matey.shell.TargetReports;
import io.matey.shell.TextTable;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

@Command(command = "db", group = "Live database")
class DbCommands {

    private final Console console;

    DbCommands(Console console) {
        this.console = console;
    }

    @Command(command = "new", description = "Create a migration file <UTC yyyyMMddHHmmss>_<name>.sql; with "
            + "--from-drift its content is the draft that keeps the live database's drift. Example: matey db new create_users")
    void create(
            @Option(description = "Migration name (sanitised to ASCII lower_snake_case: accents dropped, ß → ss)", required = true, arity = CommandRegistration.OptionArity.EXACTLY_ONE) String name,
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "from-drift", description = "Write the draft migration that keeps the live schema's "
                    + "drift (refused when there is none)") boolean fromDrift,
            @Option(longNames = "url", description = "Live database URL for --from-drift (overrides the target's url_env)") String url,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace);
        if (!fromDrift) {
            if (url != null) {
                throw new MateyException("--url is only read with --from-drift.");
            }
            console.print("Created " + matey.newMigration(path, name));
            return;
        }
        NewMigration.sanitize(name);
        TargetConfig target = matey.target(path);
        List<Path> files = DraftMigrations.write(target, name, matey.dbDrift(target, url, "db new --from-drift").keepingDraft());
        Path file = files.get(0);
        String accept = files.size() == 1 && inexactDown(file) ? "accept its inexact down section under [inexact_downs] "
                + "in config.toml (\"" + file.getFileName() + "\" = \"<reason>\", as its comment says), which schema "
                + "apply's down check refuses otherwise, " : "";
        console.print("Created " + file + (files.size() == 1 ? "" : " to " + files.get(files.size() - 1)
                + " (" + files.size() + " migrations of one statement each, as dbmate runs one ClickHouse statement "
                + "per section)") + " with the draft that keeps the drift of target '" + target.name() + "'.\n"
                + "Next: review it, " + accept + "run `matey schema apply" + TargetPaths.option(target.name()) + "`, then `" + sameTarget("matey db adopt", target.name(), url,
                        workspace) + " --apply` records it on the live database without running it.");
    }

    /**
     * Whether the draft's down section runs statements and also notes what it cannot undo (an enum value PostgreSQL
     * cannot remove): schema apply checks such a down and fails the round trip until it is accepted as inexact. A
     * down of comments only is not checked.
     */
    private static boolean inexactDown(Path file) {
        Section down = MigrationParser.parse(file.toString(), readDraft(file)).down();
        boolean statements = false;
        for (String line : down.sql().split("\n")) {
            String trimmed = line.strip();
            statements |= !trimmed.isEmpty() && !trimmed.startsWith("--");
        }
        return statements && down.sql().contains("[inexact_downs]");
    }

    private static String readDraft(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A command for the target and database this one ran on ({@link UrlOption}: no masked password), so that it runs as printed
     * in a workspace of several targets too (as {@code db adopt}'s hints do).
     */
    private static String sameTarget(String command, String target, String url, String workspace) {
        return command + TargetPaths.option(target)
                + (url == null ? "" : UrlOption.of(MateyUrl.parse(url)))
                + (workspace == null ? "" : " --workspace " + workspace);
    }

    @Command(command = "status", description = "List applied [X] and pending [ ] migrations of the live database "
            + "(also one migrated by dbmate); a database that does not exist yet shows every migration pending. "
            + "Example: matey db status --exit-code")
    void status(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 when migrations are pending, a migration was interrupted, the applied ones do not fit the worktree, or the artifacts are stale (an applied migration edited)") boolean exitCode,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        List<TargetReports.Outcome<LiveStatus>> results = report(workspace, path, all, url,
                (matey, target) -> matey.dbStatus(target, url));
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(results,
                    status -> statusJson(status, sameTarget("matey db up", status.target(), url, workspace)))));
        } else {
            TargetReports.print(console, results, status -> {
                StringBuilder out = new StringBuilder();
                status.migrations().forEach(e -> out.append(e.applied() ? "[X] " : "[ ] ").append(e.file()).append('\n'));
                status.unknownVersions().forEach(v -> out.append("[?] ").append(v).append(" (applied, not in the worktree)\n"));
                out.append("\nApplied: ").append(status.applied()).append('\n');
                out.append("Pending: ").append(status.pending()).append('\n');
                if (status.databaseMissing()) {
                    // db up refuses stale artifacts: the note names it only where it would run (the Problem says why).
                    out.append(status.staleArtifacts() != null ? "The database does not exist yet.\n"
                            : "The database does not exist yet; " + upCreates(status.target(),
                                    !status.migrations().isEmpty(), url, workspace)
                                    + (status.pending() == 0 ? ".\n" : " and applies them.\n"));
                }
                out.append(problem(status.prefix()));
                if (status.staleArtifacts() != null) {
                    out.append("Problem: ").append(status.staleArtifacts()).append('\n');
                }
                if (status.interrupted() != null) {
                    out.append(interrupted(status.interrupted(), status.target(), url, workspace));
                }
                if (status.staleMarker() != null) {
                    StaleMarker stale = status.staleMarker();
                    out.append("Interrupted: ").append(held(stale))
                            .append(stale.undone() || stale.finished() ? ".\n" : ":\n" + stale.diff())
                            .append(stale.wayForward(sameTarget("matey db up", status.target(), url, workspace)))
                            .append('\n');
                }
                return out.toString();
            });
        }
        TargetReports.exit(results, exitCode, status -> status.pending() > 0 || status.interrupted() != null
                || status.staleMarker() != null || !status.prefix().consistent() || status.staleArtifacts() != null);
    }

    /** A stale marker as {@code db status} reports it, in its {@code Interrupted:} line and its JSON. */
    private static String held(StaleMarker stale) {
        return "the database holds a " + stale.describe();
    }

    /** {@code up}: the {@code db up} command for this database, which a stale marker's report names. */
    private static Map<String, Object> statusJson(LiveStatus status, String up) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", status.target());
        json.put("url", status.url().toString());
        json.put("applied", status.applied());
        json.put("pending", status.pending());
        json.put("migrations", status.migrations().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", e.file());
            entry.put("version", e.version());
            entry.put("applied", e.applied());
            return entry;
        }).toList());
        json.put("unknown_versions", status.unknownVersions());
        json.put("problem", status.staleArtifacts() == null ? status.prefix().line()
                : problem(status.prefix()).replaceFirst("^Problem: ", "") + status.staleArtifacts());
        json.put("interrupted", status.interrupted() != null ? status.interrupted().describe()
                : status.staleMarker() != null ? held(status.staleMarker()) + ". "
                        + status.staleMarker().wayForward(up) : null);
        json.put("interrupted_diff", status.interrupted() != null ? status.interrupted().diff()
                : status.staleMarker() != null ? status.staleMarker().diff() : "");
        json.put("database_exists", !status.databaseMissing());
        return json;
    }

    @Command(command = "up", description = "Create the database if missing, apply pending migrations under the "
            + "migration lock, then verify the live schema against schema.sql. A database with tables but no "
            + "recorded versions predates Matey: adopt it first (db adopt). Example: matey db up")
    void up(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "resume", description = "First continue a migration that was interrupted on this "
                    + "database, after the last statement that took effect, or remove a progress marker no worktree "
                    + "migration continues (its file deleted or moved) once the schema is the committed state") boolean resume,
            @Option(longNames = "lock-timeout", description = "How long to wait for a migration lock held elsewhere: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        TargetConfig target = matey.target(path);
        printChange(EditedMigrationHints.explaining(matey, target, url, () -> resume
                ? matey.dbUpResuming(target, url, Progress.forTerminal())
                : matey.dbUp(target, url, Progress.forTerminal())));
    }

    @Command(command = "migrate", description = "Like db up, but never creates the database. Example: matey db migrate")
    void migrate(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "lock-timeout", description = "How long to wait for a migration lock held elsewhere: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        TargetConfig target = matey.target(path);
        printChange(EditedMigrationHints.explaining(matey, target, url,
                () -> matey.dbMigrate(target, url, Progress.forTerminal())));
    }

    @Command(command = "down", description = "Roll back the last N applied migrations (default 1), then verify the "
            + "live schema against the checkpoint of the resulting index. Refused, with the diff, when the live schema "
            + "has drifted from the committed state. Example: matey db down --steps 2")
    void down(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "steps", description = "How many migrations to roll back", defaultValue = "1") int steps,
            @Option(longNames = "resume", description = "First finish a rollback that was interrupted on this database "
                    + "(db down that stopped partway), after the last statement that took effect; it counts as the "
                    + "first of --steps") boolean resume,
            @Option(longNames = "lock-timeout", description = "How long to wait for a migration lock held elsewhere: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        if (steps < 1) {
            throw new MateyException("--steps must be 1 or more, not " + steps + ".");
        }
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        TargetConfig target = matey.target(path);
        printChange(EditedMigrationHints.explaining(matey, target, url,
                () -> resume ? matey.dbDownResuming(target, url, steps, Progress.forTerminal())
                        : matey.dbDown(target, url, steps, Progress.forTerminal())));
    }

    @Command(command = "bootstrap", description = "Load schema.sql into an empty database (recording every "
            + "version) and verify it; much faster than replaying a long history. Example: matey db bootstrap")
    void bootstrap(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "lock-timeout", description = "How long to wait for a migration lock held elsewhere: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        printChange(matey.dbBootstrap(matey.target(path), url, Progress.forTerminal()));
    }

    @Command(command = "adopt", description = "Bring a database that predates Matey under its history: find the "
            + "applied index whose committed checkpoint equals the live schema and record versions 1..K as dbmate "
            + "would, running nothing. Dry run unless --apply. Example: matey db adopt --url postgres://... --apply")
    void adopt(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "apply", description = "Record the versions (without it: report what would be recorded)") boolean apply,
            @Option(longNames = "lock-timeout", description = "How long to wait for a migration lock held elsewhere: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        LiveAdoption adoption = matey.dbAdopt(matey.target(path), url, apply);
        StringBuilder out = new StringBuilder(new TextTable("Target", "Index", "Head", "Matches")
                .row(adoption.target(), adoption.index(), adoption.head(), adoption.source()).render());
        if (!adoption.alsoMatching().isEmpty()) {
            out.append("Also equal: index(es) ").append(adoption.alsoMatching().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))).append(" (migrations that changed no schema; "
                    + "adoption takes the highest)\n");
        }
        out.append(adoptionOutcome(adoption, sameTarget("matey db up", adoption.target(), url, workspace)));
        console.print(out.toString());
    }

    /** What adopt recorded, would record, or why there was nothing to record; {@code up} applies the pending ones. */
    private static String adoptionOutcome(LiveAdoption adoption, String up) {
        List<String> versions = adoption.versions();
        if (versions.isEmpty() && adoption.index() == 0) {
            return "The database is empty: nothing to record. `" + up + "` applies every migration.\n";
        }
        if (versions.isEmpty()) {
            return "Nothing to adopt: versions 1.." + adoption.index() + " are already recorded (applied index "
                    + adoption.index() + "), and the live schema equals that state. Pending: " + adoption.pending()
                    + (adoption.pending() > 0 ? " (`" + up + "` applies them)" : "") + "\n";
        }
        String range = versions.size() + " version(s) " + versions.get(0) + ".." + versions.get(versions.size() - 1);
        return adoption.applied() ? "Adopted: recorded " + range + " in schema_migrations; verified at index "
                + adoption.index() + ". Pending: " + adoption.pending() + "\n"
                : "Dry run: would record " + range + ". Run again with --apply to record them.\n";
    }

    private void printChange(LiveChange change) {
        change.notices().forEach(line -> System.err.println("matey: " + line));
        StringBuilder out = new StringBuilder(new TextTable("Command", "Before", "After")
                .row(change.command(), change.before(), change.after()).render());
        if (change.created()) {
            out.append("Created database ").append(change.url()).append('\n');
        }
        if (!change.migrations().isEmpty()) {
            TextTable timings = new TextTable("Migration", "Duration");
            for (MigrationTiming timing : change.migrations()) {
                timings.row(timing.label(), timing.duration().toMillis() + " ms");
            }
            out.append(timings.render());
            if (!change.url().engine().transactions()) {
                out.append("No transactions: ").append(change.url().engine().id()).append(" applied each statement as it "
                        + "ran (a failing one is named with the statements before it that took effect)\n");
            }
        }
        out.append("Verified: live schema equals the committed state at index ").append(change.after()).append('\n');
        console.print(out.toString());
    }

    @Command(command = "drift", description = "Compare the live schema with the committed state at its applied "
            + "index (being behind is not drift, nor is a database that does not exist yet: status missing; one that "
            + "predates Matey is unadopted: adopt it); a live "
            + "object the server would not load back is listed as Unloadable (JSON: unloadable), beside the drift. "
            + "Example: matey db drift --all --exit-code")
    void drift(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "draft", description = "Print the draft migration that keeps the drift instead of the diff") boolean draft,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 when any target drifted, or its applied migrations do not fit the worktree") boolean exitCode,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        List<TargetReports.Outcome<ExplainedDrift>> results = report(workspace, path, all, url, (matey, target) -> {
            LiveDrift drift = matey.dbDrift(target, url);
            String edited = matey.explainEdits(target, drift).orElse(null);
            return new ExplainedDrift(drift, edited, defaultsHint(drift, edited, target.testUrlEnv()));
        });
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(results, e -> {
                LiveDrift d = e.drift();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("target", d.target());
                json.put("url", d.url().toString());
                json.put("applied_index", d.appliedIndex());
                json.put("status", d.status());
                json.put("problem", d.prefix().line());
                json.put("edited", e.edited());
                json.put("interrupted", d.interrupted() == null ? null : d.interrupted().describe());
                json.put("unloadable", d.unloadable());
                json.put("diff", d.interrupted() == null ? d.diff() : d.interrupted().diff());
                json.put("hint", e.defaultsHint());
                json.put("draft", schemaDrifted(d) ? d.draft() : null);
                return json;
            })));
        } else {
            // A database whose versions do not fit the worktree has no expected state: its problem, not a diff.
            TargetReports.print(console, results, e -> {
                LiveDrift d = e.drift();
                String head = "Applied index: " + d.appliedIndex() + "  Status: " + Style.state(d.status(), !d.drifted())
                        + "\n" + problem(d.prefix()) + (e.edited() == null ? "" : "Edited: " + e.edited() + "\n")
                        + unloadable(d.unloadable())
                        + (d.databaseMissing() ? "The database does not exist yet: nothing to compare. "
                                // Nothing applied: behind unless the worktree has no migration to apply.
                                + upCreates(d.target(), d.prefix().relation() == LivePrefix.Relation.BEHIND, url,
                                        workspace) + ".\n" : "");
                if (d.interrupted() != null) {
                    return head + interrupted(d.interrupted(), d.target(), url, workspace);
                }
                if (!schemaDrifted(d)) {
                    return head;
                }
                // An edited applied migration is restored (its Edited: line says how), not kept as a new one, and
                // drift that two servers' default collations explain is no change to keep.
                String hint = e.defaultsHint();
                return draft ? head + d.draft() : head + d.diff() + (e.edited() != null ? ""
                        : hint != null ? hint + "\n"
                        : "To keep it: `" + sameTarget("matey db drift", d.target(), url, workspace) + " --draft` prints "
                                + "a draft migration, `" + sameTarget("matey db new NAME", d.target(), url, workspace)
                                + " --from-drift` writes it.\n");
            });
        }
        TargetReports.exit(results, exitCode, e -> e.drift().drifted());
    }

    @Command(command = "plan", description = "Compare the live database with the worktree head: Applied, Target, "
            + "match|pending|mismatch (missing: the database does not exist yet, every migration pending; unadopted: "
            + "it predates Matey, adopt it); a live object "
            + "the server would not load back is listed as Unloadable (JSON: unloadable), as by db drift. "
            + "Example: matey db plan --diff")
    void plan(@Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "url", description = "Live database URL (overrides the target's url_env)") String url,
            @Option(longNames = "sql", description = "Print the expected head schema") boolean sql,
            @Option(longNames = "diff", description = "After the status, a unified diff schema.sql -> live/schema.sql (changes made by hand are + lines)") boolean diff,
            @Option(longNames = "format", defaultValue = "text", description = "text or json (the diff always, the schema with --sql)") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 when any target does not match its head") boolean exitCode,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        if (sql && diff) {
            throw new MateyException("Cannot combine --sql and --diff.");
        }
        List<TargetReports.Outcome<LivePlan>> results = report(workspace, path, all, url,
                (matey, target) -> matey.dbPlan(target, url));
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(results, p -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("target", p.target());
                json.put("url", p.url().toString());
                json.put("applied", p.applied());
                json.put("target_index", p.targetIndex());
                json.put("status", p.status());
                json.put("problem", p.prefix().line());
                json.put("interrupted", p.interrupted() == null ? null : p.interrupted().describe());
                json.put("unloadable", p.unloadable());
                json.put("diff", p.diff());
                json.put("sql", sql ? p.sql() : null);
                return json;
            })));
        } else {
            // --diff follows the status, so that a matching database never prints nothing.
            TargetReports.print(console, results, p -> sql ? p.sql()
                    : new TextTable("Applied", "Target", "Status")
                            .row(p.applied(), p.targetIndex(), Style.state(p.status(), p.match()))
                            .render() + problem(p.prefix()) + unloadable(p.unloadable())
                            + missingNote(p, url, workspace)
                            + (p.interrupted() == null ? "" : interrupted(p.interrupted(), p.target(), url, workspace))
                            + (diff ? p.diff() : diffHint(p, url, workspace)));
        }
        TargetReports.exit(results, exitCode, p -> !p.match());
    }

    /** What {@code db up} would do to a database that does not exist yet; empty when it exists. */
    private static String missingNote(LivePlan plan, String url, String workspace) {
        if (!plan.databaseMissing()) {
            return "";
        }
        String up = "The database does not exist yet: " + upCreates(plan.target(), plan.targetIndex() > 0, url,
                workspace);
        return plan.pending() == 0 ? up + ".\n" : up + " and applies the " + plan.pending() + " pending migration(s), "
                + "reaching the head schema (`" + sameTarget("matey db plan", plan.target(), url, workspace)
                + " --sql` prints it).\n";
    }

    /**
     * The {@code db up} that creates a database that does not exist yet. For a target without migrations it creates
     * nothing (it refuses to run without one, as there is no head to verify), so the note says what comes first.
     */
    private static String upCreates(String target, boolean hasMigrations, String url, String workspace) {
        String up = "`" + sameTarget("matey db up", target, url, workspace) + "` creates it";
        return hasMigrations ? up : up + " once the target has a migration (`"
                + sameTarget("matey db new NAME", target, null, workspace) + "`, then `"
                + sameTarget("matey schema apply", target, null, workspace) + "`)";
    }

    /**
     * Where a mismatch that {@code db plan} only states is shown (a missing database has no live schema to diff), or,
     * for a database that is only behind, what applies its pending migrations, as {@code db status} counts them.
     */
    private static String diffHint(LivePlan plan, String url, String workspace) {
        if (plan.pendingOnly()) {
            return "Pending: " + plan.pending() + " (`" + sameTarget("matey db up", plan.target(), url, workspace)
                    + "` applies them; the schema is the committed state at index " + plan.applied() + ").\n";
        }
        return plan.match() || plan.databaseMissing() || !plan.prefix().consistent() ? ""
                : "What differs: `" + sameTarget("matey db plan", plan.target(), url, workspace) + " --diff`.\n";
    }

    /**
     * {@link ServerDefaultsDiff#hint} where the drift is only collations or default character sets that servers' or
     * databases' defaults explain, which a draft would not fix; null otherwise, and for an edited applied migration,
     * whose restoring explains its diff.
     */
    private static String defaultsHint(LiveDrift drift, String edited, String testUrlEnv) {
        return schemaDrifted(drift) && edited == null ? ServerDefaultsDiff.hint(drift.diff(), testUrlEnv) : null;
    }

    /**
     * Drifted against a committed state (not ahead or diverged, nor stopped partway), so that a diff and a draft
     * exist.
     */
    private static boolean schemaDrifted(LiveDrift drift) {
        return drift.drifted() && drift.prefix().consistent() && drift.interrupted() == null;
    }

    /**
     * A section that stopped partway, as {@code db status} reports it: its partial state is resumed, not kept. The
     * diff follows its colon; without one (an invalid index is all it left) the sentence says so instead.
     */
    private static String interrupted(Interruption interruption, String target, String url, String workspace) {
        String diff = interruption.diff();
        return "Interrupted: " + interruption.describe() + (diff.isEmpty() ? (interruption.leftover() == null ? ".\n" : "; nothing else differs.\n") : ":\n" + diff)
                + (interruption.failedWithoutEffect() ? "Fix what made statement " + (interruption.done() + 1)
                        + " fail, then run `" : "Run `")
                + sameTarget("matey db " + interruption.direction(), target, url, workspace)
                + " --resume` to continue (see `matey help db " + interruption.direction() + "`).\n";
    }

    /** A line per live object the server would not load back from its own text, which a load of this schema meets. */
    private static String unloadable(List<String> notes) {
        StringBuilder lines = new StringBuilder();
        notes.forEach(note -> lines.append("Unloadable: ").append(note).append('\n'));
        return lines.toString();
    }

    /**
     * @param edited        the git history's explanation of the drift ({@link EditedMigrations}), or null
     * @param defaultsHint what explains drift of server or database defaults alone ({@link #defaultsHint}), or null
     */
    private record ExplainedDrift(LiveDrift drift, String edited, String defaultsHint) {
    }

    /**
     * Why the applied versions do not fit the worktree (ahead or diverged), or that the database predates Matey
     * ({@code db up}'s refusal), as a line; empty when they fit.
     */
    private static String problem(LivePrefix prefix) {
        return prefix.line() == null || prefix.line().isEmpty() ? "" : "Problem: " + prefix.line() + "\n";
    }

    private static <T> List<TargetReports.Outcome<T>> report(String workspace, String path, boolean all, String url,
            BiFunction<Matey, TargetConfig, T> command) {
        Matey matey = CommandFacade.at(workspace);
        Map<String, Supplier<TargetConfig>> targets = matey.targetsEach(path, all);
        if (url != null && targets.size() > 1) {
            throw new MateyException("--url names one database; use it with one target, not with --all.");
        }
        return TargetReports.run(targets, all, t -> command.apply(matey, t));
    }
}
