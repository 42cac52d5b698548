package io.matey.ci;

import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders the CI pipeline {@code init --ci} writes: install matey as the README documents (a clone of the
 * Matey repository on {@code PATH}, its URL in the {@code MATEY_GIT_URL} CI variable), run {@code lint --all},
 * then {@code schema plan --exit-code} for every target, which fails when committed artifacts are stale.
 * Server engines get a database service and their {@code test_url_env} pointing at it.
 */
public final class CiPipeline {

    private static final String POSTGRES_TEST_URL = "postgres://postgres:postgres@%s:5432/postgres?sslmode=disable";
    private static final String MYSQL_TEST_URL = "mysql://root:root@%s:3306/mysql";

    private CiPipeline() {
    }

    /**
     * @param workspace the workspace directory relative to the repository root ({@code .} when they coincide)
     */
    public static String render(CiProvider provider, String workspace, List<TargetConfig> targets) {
        return switch (provider) {
            case GITHUB -> github(workspace, targets);
            case GITLAB -> gitlab(workspace, targets);
            case BUILDKITE -> buildkite(workspace, targets);
        };
    }

    /** The matey commands of the pipeline, in order: what CI runs after installing matey. */
    public static List<String> commands(String workspace, List<TargetConfig> targets) {
        String prefix = "matey --workspace " + workspace + " ";
        List<String> commands = new ArrayList<>();
        commands.add(prefix + "lint --all");
        for (TargetConfig target : targets) {
            commands.add(prefix + "schema plan --path " + target.name() + " --exit-code");
        }
        return commands;
    }

    private static Set<String> engines(List<TargetConfig> targets) {
        Set<String> engines = new LinkedHashSet<>();
        targets.forEach(t -> engines.add(t.engine()));
        return engines;
    }

    private static String github(String workspace, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `matey init --ci github`: fails when committed schema artifacts are stale.\n");
        y.append("name: matey-schema\n\non:\n  pull_request:\n  push:\n    branches: [main]\n\n");
        y.append("jobs:\n  schema:\n    runs-on: ubuntu-latest\n");
        Set<String> engines = engines(targets);
        if (engines.contains("postgres") || engines.contains("mysql")) {
            y.append("    services:\n");
            if (engines.contains("postgres")) {
                y.append("      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: postgres\n")
                        .append("        ports: [\"5432:5432\"]\n")
                        .append("        options: --health-cmd pg_isready --health-interval 5s --health-retries 20\n");
            }
            if (engines.contains("mysql")) {
                y.append("      mysql:\n        image: mysql:8.4\n        env:\n          MYSQL_ROOT_PASSWORD: root\n")
                        .append("        ports: [\"3306:3306\"]\n")
                        .append("        options: --health-cmd \"mysqladmin ping -proot\" --health-interval 5s --health-retries 20\n");
            }
        }
        y.append("    env:\n");
        testUrls(targets, "127.0.0.1").forEach(line -> y.append("      ").append(line).append('\n'));
        y.append("      MATEY_GIT_URL: ${{ vars.MATEY_GIT_URL }}\n");
        y.append("    steps:\n");
        y.append("      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n");
        y.append("      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: \"17\"\n");
        y.append("      - name: Install matey\n        run: |\n")
                .append("          git clone --depth 1 \"$MATEY_GIT_URL\" \"$RUNNER_TEMP/matey\"\n")
                .append("          echo \"$RUNNER_TEMP/matey\" >> \"$GITHUB_PATH\"\n");
        y.append("      - name: Lint migrations and artifacts\n        run: |\n");
        List<String> commands = commands(workspace, targets);
        y.append("          ").append(commands.get(0)).append('\n');
        y.append("      - name: Committed schema artifacts match a fresh replay\n        run: |\n");
        commands.subList(1, commands.size()).forEach(c -> y.append("          ").append(c).append('\n'));
        return y.toString();
    }

    private static String gitlab(String workspace, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `matey init --ci gitlab`: include it from .gitlab-ci.yml. Fails when committed schema\n")
                .append("# artifacts are stale. Set MATEY_GIT_URL in the project's CI/CD variables.\n");
        y.append("stages: [validate]\n\nmatey_schema:\n  stage: validate\n  image: eclipse-temurin:17-jdk\n");
        Set<String> engines = engines(targets);
        if (engines.contains("postgres") || engines.contains("mysql")) {
            y.append("  services:\n");
            if (engines.contains("postgres")) {
                y.append("    - name: postgres:16\n      alias: postgres\n");
            }
            if (engines.contains("mysql")) {
                y.append("    - name: mysql:8.4\n      alias: mysql\n");
            }
        }
        y.append("  variables:\n    POSTGRES_PASSWORD: postgres\n    MYSQL_ROOT_PASSWORD: root\n");
        for (TargetConfig target : targets) {
            String host = target.engine().equals("mysql") ? "mysql" : "postgres";
            testUrl(target, host).ifPresent(line -> y.append("    ").append(line).append('\n'));
        }
        y.append("  script:\n")
                .append("    - apt-get update -qq && apt-get install -y -qq git\n")
                .append("    - git clone --depth 1 \"$MATEY_GIT_URL\" /opt/matey\n")
                .append("    - export PATH=\"/opt/matey:$PATH\"\n");
        commands(workspace, targets).forEach(c -> y.append("    - ").append(c).append('\n'));
        return y.toString();
    }

    private static String buildkite(String workspace, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `matey init --ci buildkite`: upload it with `buildkite-agent pipeline upload`.\n")
                .append("# Fails when committed schema artifacts are stale. The agent needs Java 17 and git; set\n")
                .append("# MATEY_GIT_URL and each target's test URL variable in the pipeline's environment.\n");
        y.append("steps:\n  - label: \":database: matey schema\"\n    command: |\n")
                .append("      git clone --depth 1 \"$MATEY_GIT_URL\" \"$TMPDIR/matey\"\n")
                .append("      export PATH=\"$TMPDIR/matey:$PATH\"\n");
        commands(workspace, targets).forEach(c -> y.append("      ").append(c).append('\n'));
        return y.toString();
    }

    private static List<String> testUrls(List<TargetConfig> targets, String host) {
        List<String> lines = new ArrayList<>();
        targets.forEach(t -> testUrl(t, host).ifPresent(lines::add));
        return lines;
    }

    private static java.util.Optional<String> testUrl(TargetConfig target, String host) {
        return switch (target.engine()) {
            case "postgres" -> java.util.Optional.of(target.testUrlEnv() + ": " + String.format(POSTGRES_TEST_URL, host));
            case "mysql" -> java.util.Optional.of(target.testUrlEnv() + ": " + String.format(MYSQL_TEST_URL, host));
            default -> java.util.Optional.empty();
        };
    }
}
