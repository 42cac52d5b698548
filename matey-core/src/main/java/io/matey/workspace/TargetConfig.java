package io.matey.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One target: a directory holding one database's history, and its {@code config.toml}.
 *
 * @param name    the path relative to the workspace root in POSIX form, {@code .} for the root
 * @param dir     the absolute target directory
 * @param codegen the {@code [codegen]} table, or null when absent (codegen off)
 * @param inexactDowns the {@code [inexact_downs]} table: accepted inexact down sections
 * @param allowNonDbmateFiles {@code allow_non_dbmate_files}: run migration files dbmate would refuse or never run,
 *                as Matey reads them (docs/architecture.md §9); false by default
 */
public record TargetConfig(String name, Path dir, String engine, String urlEnv, String testUrlEnv,
        CodegenConfig codegen, InexactDowns inexactDowns, boolean allowNonDbmateFiles) {

    public static final String CONFIG_FILE = "config.toml";

    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    public Optional<CodegenConfig> enabledCodegen() {
        return Optional.ofNullable(codegen).filter(CodegenConfig::enabled);
    }
}
