package io.matey.workspace;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One target: a directory holding one database's history, and its {@code config.toml}.
 *
 * @param name    the path relative to the workspace root in POSIX form, {@code .} for the root
 * @param dir     the absolute target directory
 * @param engineLine the line of {@code engine} in config.toml, for messages; 0 when not read from a file
 * @param codegen the {@code [codegen]} table, or null when absent (codegen off)
 * @param inexactDowns the {@code [inexact_downs]} table: accepted inexact down sections
 * @param allowNonDbmateFiles {@code allow_non_dbmate_files}: run migration files dbmate would refuse or never run,
 *                as Matey reads them (docs/architecture.md §9); false by default
 * @param privileges {@code privileges}: whether PostgreSQL dumps carry privileges (docs/architecture.md §5); true by
 *                default, and only PostgreSQL takes the key
 */
public record TargetConfig(String name, Path dir, String engine, int engineLine, String urlEnv, String testUrlEnv,
        CodegenConfig codegen, InexactDowns inexactDowns, boolean allowNonDbmateFiles, boolean privileges) {

    public static final String CONFIG_FILE = "config.toml";

    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    /** The workspace root: {@link #dir} up by as many directories as {@link #name} has. */
    public Path workspaceRoot() {
        Path root = dir;
        if (!name.equals(".")) {
            for (int i = Path.of(name).getNameCount(); i > 0 && root.getParent() != null; i--) {
                root = root.getParent();
            }
        }
        return root;
    }

    /**
     * The engine config.toml names, dumping as it says ({@code privileges}); one this build lacks is refused at the
     * line of {@code engine}. Every dump of the target goes through it, so its options reach them all.
     */
    public Engine knownEngine() {
        Engine known = Engines.find(engine).orElseThrow(() -> new MateyException(unknownEngine(configFile(), engineLine,
                engine)));
        return privileges ? known : known.withoutPrivileges().orElseThrow();
    }

    /** {@code file:line: engine 'x' is unknown; set engine to one of ...}, with a suggestion when one is close. */
    static String unknownEngine(Path file, int line, String engine) {
        return TomlFiles.at(file, line) + "engine '" + engine + "' is unknown; set engine to one of "
                + String.join(", ", Engines.ids()) + "." + Engines.didYouMean(engine);
    }

    public Optional<CodegenConfig> enabledCodegen() {
        return Optional.ofNullable(codegen).filter(CodegenConfig::enabled);
    }
}
