package io.matey.workspace;

import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.error.Suggestions;
import io.matey.toml.TomlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/** Reads and validates a target's {@code config.toml} (keys and messages of Python matey). */
public final class TargetConfigReader {

    private static final Set<String> KEYS = Set.of("engine", "url_env", "test_url_env", "codegen",
            InexactDowns.TABLE, "allow_non_dbmate_files", "privileges");
    private static final Set<String> CODEGEN_KEYS = Set.of("enabled", "generator", "options", "package", "output");

    private TargetConfigReader() {
    }

    public static TargetConfig read(String name, Path dir) {
        Path file = dir.resolve(TargetConfig.CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new MateyException("Target config not found: " + file + ". Run `matey init --path " + name
                    + " --engine <engine>` to create it.");
        }
        TomlMap toml = TomlFiles.read(file);
        TomlFiles.rejectUnknownKeys(toml, KEYS, file, "target");
        String engine = requireString(toml, "engine", file, "\"<engine>\" (one of " + String.join(", ", Engines.ids())
                + ")");
        try {
            return read(name, dir, file, toml, engine);
        } catch (MateyException problem) {
            // An unknown engine is read without complaint (lint reports it, the commands refuse it), but a config
            // that fails on another key names it too: the user fixes both at once, the engine first.
            if (Engines.find(engine).isPresent()) {
                throw problem;
            }
            throw new MateyException(TargetConfig.unknownEngine(file, toml.line("engine"), engine) + " Also: "
                    + problem.getMessage());
        }
    }

    /** The keys after {@code engine}. */
    private static TargetConfig read(String name, Path dir, Path file, TomlMap toml, String engine) {
        String urlEnv = requireEnvName(toml, "url_env", file, "\"" + EnvNames.defaultUrlEnv(name)
                + "\" (the variable holding the live database URL)");
        String testUrlEnv = requireEnvName(toml, "test_url_env", file, "\"" + EnvNames.defaultTestUrlEnv(name)
                + "\" (the variable holding the URL of the server for scratch databases)");
        return new TargetConfig(name, dir, engine, toml.line("engine"), urlEnv, testUrlEnv, codegen(toml, file),
                InexactDowns.read(toml, file, dir),
                optionalBoolean(toml, "allow_non_dbmate_files", file, false), privileges(toml, engine, file));
    }

    private static boolean optionalBoolean(TomlMap toml, String key, Path file, boolean fallback) {
        Object value = toml.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new MateyException(TomlFiles.at(file, toml.line(key)) + key + " must be true or false.");
        }
        return value == null ? fallback : (Boolean) value;
    }

    /** {@code privileges}, for an engine whose dumps hold them; an unknown engine is refused by its own key. */
    private static boolean privileges(TomlMap toml, String engine, Path file) {
        if (toml.contains("privileges")
                && Engines.find(engine).filter(known -> known.withoutPrivileges().isEmpty()).isPresent()) {
            throw new MateyException(TomlFiles.at(file, toml.line("privileges")) + "privileges applies to PostgreSQL"
                    + " targets only: the " + Engines.normalizeId(engine) + " engine's dumps hold no privileges."
                    + " Remove the key.");
        }
        return optionalBoolean(toml, "privileges", file, true);
    }

    /** A required string key; a missing one is named with the line to add, {@code key = example}. */
    private static String requireString(TomlMap toml, String key, Path file, String example) {
        if (!toml.contains(key)) {
            throw new MateyException(file + ": '" + key + "' is missing. Add " + key + " = " + example + ".");
        }
        if (!(toml.get(key) instanceof String s)) {
            throw new MateyException(TomlFiles.at(file, toml.line(key)) + "'" + key + "' must be a string.");
        }
        return s;
    }

    private static String requireEnvName(TomlMap toml, String key, Path file, String example) {
        return EnvNames.requireName(requireString(toml, key, file, example), TomlFiles.at(file, toml.line(key)), key);
    }

    private static CodegenConfig codegen(TomlMap toml, Path file) {
        if (!toml.contains("codegen")) {
            return null;
        }
        if (!(toml.get("codegen") instanceof TomlMap table)) {
            throw new MateyException(TomlFiles.at(file, toml.line("codegen")) + "[codegen] must be a table.");
        }
        TomlFiles.rejectUnknownKeys(table, CODEGEN_KEYS, file, "[codegen]");
        Object enabled = table.get("enabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw new MateyException(TomlFiles.at(file, table.line("enabled")) + "codegen.enabled must be a boolean.");
        }
        CodegenConfig config = new CodegenConfig(enabled == null || (Boolean) enabled,
                optionalString(table, "generator", file, CodegenConfig.DEFAULT_GENERATOR),
                optionalString(table, "options", file, null), optionalString(table, "package", file, null),
                optionalString(table, "output", file, null));
        return validGenerator(config, file, table, toml.line("codegen"));
    }

    /** Checks generator, options and the java-records keys, and fills in the default output directory. */
    private static CodegenConfig validGenerator(CodegenConfig config, Path file, TomlMap table, int tableLine) {
        List<String> supported = CodegenConfig.GENERATORS.get(config.generator());
        if (supported == null) {
            throw new MateyException(TomlFiles.at(file, table.line("generator")) + "codegen.generator: unknown generator '"
                    + config.generator() + "'; expected one of "
                    + String.join(", ", new TreeSet<>(CodegenConfig.GENERATORS.keySet())) + "."
                    + Suggestions.didYouMean(config.generator(), CodegenConfig.GENERATORS.keySet()));
        }
        for (String option : config.optionSet()) {
            String where = TomlFiles.at(file, table.contains("options") ? table.line("options") : tableLine)
                    + "codegen.options: ";
            String reason = CodegenConfig.NOT_REPRODUCED.get(option);
            if (reason != null && !config.generator().equals(CodegenConfig.JAVA_RECORDS)) {
                throw new MateyException(where + "sqlacodegen's option '" + option + "' is not supported: " + reason
                        + ". Remove it from options.");
            }
            if (!supported.contains(option)) {
                throw new MateyException(where + "unsupported option '" + option + "' for generator '"
                        + config.generator() + "'; supported: " + String.join(", ", supported) + ".");
            }
        }
        if (!config.generator().equals(CodegenConfig.JAVA_RECORDS)) {
            if (config.javaPackage() != null || config.output() != null) {
                throw new MateyException(TomlFiles.at(file, table.line(config.javaPackage() != null ? "package" : "output"))
                        + "codegen.package and codegen.output apply only to generator '"
                        + CodegenConfig.JAVA_RECORDS + "'.");
            }
            return config;
        }
        if (config.javaPackage() == null || !SourceVersion.isName(config.javaPackage())) {
            throw new MateyException(TomlFiles.at(file, table.contains("package") ? table.line("package") : tableLine)
                    + "codegen.package must name a Java package for generator '"
                    + CodegenConfig.JAVA_RECORDS + "', such as package = \"com.example.db\"; got "
                    + (config.javaPackage() == null ? "none" : "'" + config.javaPackage() + "'") + ".");
        }
        String output = config.output() == null ? CodegenConfig.DEFAULT_JAVA_OUTPUT
                : relativeOutput(config.output(), TomlFiles.at(file, table.line("output")));
        return new CodegenConfig(config.enabled(), config.generator(), config.options(), config.javaPackage(), output);
    }

    /** The output directory in canonical form: relative, inside the target, outside the journal's directory. */
    private static String relativeOutput(String output, String at) {
        List<String> segments = new ArrayList<>();
        boolean valid = !output.startsWith("/") && !output.contains("\\") && !output.contains(":");
        for (String segment : output.split("/")) {
            valid &= !segment.equals("..");
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (!valid || segments.isEmpty() || segments.get(0).equals(".matey")) {
            throw new MateyException(at + "codegen.output must be a directory inside the target, such as \""
                    + CodegenConfig.DEFAULT_JAVA_OUTPUT + "\"; got '" + output + "'.");
        }
        return String.join("/", segments);
    }

    private static String optionalString(TomlMap table, String key, Path file, String fallback) {
        Object value = table.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new MateyException(TomlFiles.at(file, table.line(key)) + "codegen." + key + " must be a string.");
        }
        return s;
    }
}
