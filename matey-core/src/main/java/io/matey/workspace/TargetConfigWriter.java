package io.matey.workspace;

/** Renders a target's {@code config.toml}. */
public final class TargetConfigWriter {

    private TargetConfigWriter() {
    }

    public static String render(String engine, String urlEnv, String testUrlEnv, CodegenConfig codegen) {
        StringBuilder sb = new StringBuilder()
                .append("engine = \"").append(engine).append("\"\n")
                .append("url_env = \"").append(urlEnv).append("\"\n")
                .append("test_url_env = \"").append(testUrlEnv).append("\"\n");
        if (codegen != null) {
            sb.append("\n[codegen]\n")
                    .append("enabled = ").append(codegen.enabled()).append('\n')
                    .append("generator = \"").append(codegen.generator()).append("\"\n");
            if (codegen.javaPackage() != null) {
                sb.append("package = \"").append(codegen.javaPackage()).append("\"\n");
            }
            if (codegen.output() != null) {
                sb.append("output = \"").append(codegen.output()).append("\"\n");
            }
            if (codegen.options() != null) {
                sb.append("options = \"").append(codegen.options()).append("\"\n");
            } else {
                sb.append("#  options = \"...\"\n");
            }
        }
        return sb.toString();
    }
}
