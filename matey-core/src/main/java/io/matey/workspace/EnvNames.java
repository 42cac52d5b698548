package io.matey.workspace;

import io.matey.engine.FileUrls;
import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Default env var names per target and URL resolution from the environment. */
public final class EnvNames {

    private EnvNames() {
    }

    /** The form config.toml's {@code url_env} and {@code test_url_env} must take. */
    private static final Pattern NAME = Pattern.compile("^[A-Z_][A-Z0-9_]*$");

    /**
     * {@code value} when it is a name an env var of config.toml may have, else an error: {@code where} (the file and
     * line, or the option) then {@code what} (the key, or the option).
     */
    public static String requireName(String value, String where, String what) {
        if (!NAME.matcher(value).matches()) {
            throw new MateyException(where + what + ": invalid environment variable name '" + value
                    + "'; expected [A-Z_][A-Z0-9_]*.");
        }
        return value;
    }

    /** {@code DATABASE_URL} for {@code .}; {@code DB_CORE_DATABASE_URL} for {@code db/core}. */
    public static String defaultUrlEnv(String target) {
        return stem(target) + "DATABASE_URL";
    }

    public static String defaultTestUrlEnv(String target) {
        return stem(target) + "TEST_DATABASE_URL";
    }

    private static String stem(String target) {
        if (target.equals(".")) {
            return "";
        }
        String stem = target.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
        return (Character.isDigit(stem.charAt(0)) ? "_" : "") + stem + "_";
    }

    /**
     * The live URL: {@code --url}, else {@code $url_env}; an error names both ways to give it. An unknown engine is
     * refused first: no URL would make that target usable.
     */
    public static String liveUrl(TargetConfig target, String override, Map<String, String> env) {
        target.knownEngine();
        String value = resolved(target, override, env.get(target.urlEnv()));
        if (value == null) {
            // dbmate's .env is read by `matey dbmate` alone (README "Live commands")
            throw new MateyException("Live database URL is missing. Pass --url or set " + target.urlEnv()
                    + " (the target's url_env) in the environment; live commands read no .env file.");
        }
        return value;
    }

    /** The scratch base URL: {@code --test-url}, else {@code $test_url_env}, else null. */
    public static String testUrl(TargetConfig target, String override, Map<String, String> env) {
        return resolved(target, override, env.get(target.testUrlEnv()));
    }

    /**
     * {@code override}, else {@code fromEnv}, a relative file path made absolute: an option's against the current
     * directory, as any path typed on a command line; the environment's against the workspace root, so that one
     * variable names one database from every directory of the workspace (README "Targets").
     */
    private static String resolved(TargetConfig target, String override, String fromEnv) {
        String given = firstNonBlank(override, null);
        if (given != null) {
            return FileUrls.absolute(given, Path.of("").toAbsolutePath());
        }
        String value = firstNonBlank(fromEnv, null);
        return value == null ? null : FileUrls.absolute(value, target.workspaceRoot());
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second != null && !second.isBlank() ? second.strip() : null;
    }
}
