package io.matey.workspace;

/**
 * The optional {@code [codegen]} table of a target's {@code config.toml}.
 *
 * @param options comma-separated generator options, or null
 */
public record CodegenConfig(boolean enabled, String generator, String options) {

    public static final String DEFAULT_GENERATOR = "tables";

    public static CodegenConfig defaults() {
        return new CodegenConfig(true, DEFAULT_GENERATOR, null);
    }
}
