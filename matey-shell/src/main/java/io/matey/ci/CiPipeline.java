package io.matey.ci;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the CI pipeline {@code init --ci} writes: install matey as the README documents (a clone of the
 * Matey repository on {@code PATH}, its URL in the {@code MATEY_GIT_URL} CI variable, which the job checks first),
 * run {@code lint --all --base origin/<default branch>}, which also fails for a migration the default branch has and
 * the change edited, deleted or renamed (L109), then one {@code schema plan --all --exit-code}, which fails when
 * committed artifacts are stale: one command that reports every target, since the shells CI runs scripts in stop at
 * the first failing line ({@code bash -e}), which would hide the targets after a stale one. GitHub's checkout fetches every branch; GitLab and Buildkite fetch the
 * default branch before lint. The first {@code matey} run builds the clone with the Maven wrapper, so GitHub and GitLab
 * cache its downloads ({@code ~/.m2}) between jobs.
 * Server engines get a database service and their {@code test_url_env} pointing at it, as each engine's
 * {@link CiService} says (docs/architecture.md §3).
 */
public final class CiPipeline {

    private CiPipeline() {
    }

    /**
     * @param workspace the workspace directory relative to the repository root ({@code .} when they coincide)
     * @param branch    the branch whose pushes run the pipeline, where the provider's file names one
     */
    public static String render(CiProvider provider, String workspace, String branch, List<TargetConfig> targets) {
        return switch (provider) {
            case GITHUB -> github(workspace, branch, targets);
            case GITLAB -> gitlab(workspace, branch, targets);
            case BUILDKITE -> buildkite(workspace, branch, targets);
        };
    }

    /** The matey commands of the pipeline, in order: what CI runs after installing matey. */
    private static List<String> commands(String workspace, String branch) {
        String prefix = "matey --workspace " + workspace + " ";
        return List.of(prefix + "lint --all --base " + shellWord("origin/" + branch),
                prefix + "schema plan --all --exit-code");
    }

    /** The services the targets' engines need, in the engines' order. */
    private static List<CiService> services(List<TargetConfig> targets) {
        Set<String> used = new HashSet<>();
        targets.forEach(t -> used.add(Engines.normalizeId(t.engine())));
        return Engines.all().stream().filter(e -> used.contains(e.id())).flatMap(e -> e.ciService().stream())
                .toList();
    }

    private static Optional<CiService> service(TargetConfig target) {
        return Engines.find(target.engine()).flatMap(Engine::ciService);
    }

    private static String github(String workspace, String branch, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `matey init --ci github`: fails when committed schema artifacts are stale.\n");
        y.append("name: matey-schema\n\non:\n  pull_request:\n  push:\n    branches: [\"")
                .append(branch.replace("\"", "\\\"")).append("\"]\n\n");
        y.append("jobs:\n  schema:\n    runs-on: ubuntu-latest\n");
        List<CiService> containers = services(targets).stream().filter(s -> s.arguments().isEmpty()).toList();
        if (!containers.isEmpty()) {
            y.append("    services:\n");
            for (CiService service : containers) {
                y.append("      ").append(service.name()).append(":\n        image: ").append(service.image())
                        .append("\n        env:\n");
                service.env().forEach((key, value) -> y.append("          ").append(key).append(": ").append(value)
                        .append('\n'));
                String health = service.healthCommand().contains(" ") ? '"' + service.healthCommand() + '"'
                        : service.healthCommand();
                y.append("        ports: [\"").append(service.port()).append(':').append(service.port()).append("\"]\n")
                        .append("        options: --health-cmd ").append(health)
                        .append(" --health-interval 5s --health-retries 20\n");
            }
        }
        y.append("    env:\n");
        testUrls(targets, "127.0.0.1").forEach(line -> y.append("      ").append(line).append('\n'));
        // an engine with neither a service nor an embedded scratch place (BigQuery) needs a real one
        targets.stream().filter(CiPipeline::needsSecretTestUrl).forEach(t -> y.append("      ").append(t.testUrlEnv())
                .append(": ${{ secrets.").append(t.testUrlEnv()).append(" }}\n"));
        y.append("      MATEY_GIT_URL: ${{ vars.MATEY_GIT_URL }}\n");
        y.append("    steps:\n");
        y.append("      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n");
        services(targets).stream().filter(s -> !s.arguments().isEmpty()).forEach(s -> githubStartStep(y, s));
        y.append("      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-version: \"17\"\n");
        y.append("      - name: Install matey\n        id: matey\n        run: |\n")
                .append("          ").append(requireGitUrl("the repository's Settings > Secrets and variables > "
                        + "Actions > Variables")).append('\n')
                .append("          git clone --depth 1 \"$MATEY_GIT_URL\" \"$RUNNER_TEMP/matey\"\n")
                .append("          echo \"$RUNNER_TEMP/matey\" >> \"$GITHUB_PATH\"\n")
                // hashFiles() only reads the workspace, so the key is the hash of the clone's poms, computed here
                .append("          echo \"poms=$(cat \"$RUNNER_TEMP\"/matey/pom.xml \"$RUNNER_TEMP\"/matey/*/pom.xml")
                .append(" | sha256sum | cut -d ' ' -f 1)\" >> \"$GITHUB_OUTPUT\"\n");
        y.append("      - name: Cache the Maven downloads of the matey build\n        uses: actions/cache@v4\n")
                .append("        with:\n          path: ~/.m2\n")
                .append("          key: matey-m2-${{ steps.matey.outputs.poms }}\n")
                .append("          restore-keys: matey-m2-\n");
        y.append("      - name: Lint migrations and artifacts\n        run: |\n");
        List<String> commands = commands(workspace, branch);
        y.append("          ").append(commands.get(0)).append('\n');
        y.append("      - name: Committed schema artifacts match a fresh replay\n        run: |\n");
        y.append("          ").append(commands.get(1)).append('\n');
        return y.toString();
    }

    /** A service whose container takes arguments, started by a step that waits until it answers. */
    private static void githubStartStep(StringBuilder y, CiService service) {
        y.append("      - name: Start ").append(service.name()).append("\n        run: |\n")
                .append("          docker run -d --name ").append(service.name()).append(" -p ").append(service.port())
                .append(':').append(service.port());
        service.env().forEach((key, value) -> y.append(" -e ").append(key).append('=').append(value));
        y.append(' ').append(service.image()).append(' ').append(String.join(" ", service.arguments())).append('\n')
                .append("          for attempt in $(seq 30); do ").append(service.healthCommand())
                .append(" && break; sleep 2; done\n");
    }

    private static boolean needsSecretTestUrl(TargetConfig target) {
        return Engines.find(target.engine())
                .map(e -> e.ciService().isEmpty() && e.defaultScratchBase().isEmpty()).orElse(false);
    }

    private static String gitlab(String workspace, String branch, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `matey init --ci gitlab`: include it from .gitlab-ci.yml. Fails when committed schema\n")
                .append("# artifacts are stale. Set MATEY_GIT_URL in the project's CI/CD variables.\n");
        y.append("stages: [validate]\n\nmatey_schema:\n  stage: validate\n  image: eclipse-temurin:17-jdk\n");
        List<CiService> services = services(targets);
        if (!services.isEmpty()) {
            y.append("  services:\n");
            for (CiService s : services) {
                y.append("    - name: ").append(s.image()).append("\n      alias: ").append(s.name()).append('\n');
                if (!s.arguments().isEmpty()) {
                    y.append("      command: [").append(String.join(", ", s.arguments().stream()
                            .map(argument -> '"' + argument + '"').toList())).append("]\n");
                }
            }
        }
        y.append("  variables:\n");
        services.forEach(s -> s.env().forEach((key, value) ->
                y.append("    ").append(key).append(": ").append(value).append('\n')));
        for (TargetConfig target : targets) {
            service(target).ifPresent(s -> y.append("    ").append(testUrlLine(target, s, s.name())).append('\n'));
        }
        // GitLab caches only paths inside the project, and computes the key before the script clones matey
        y.append("    MAVEN_USER_HOME: $CI_PROJECT_DIR/.m2\n")
                .append("    MAVEN_OPTS: -Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository\n");
        // lint --base needs the merge base with the default branch: the whole history, not GitLab's shallow clone
        y.append("    GIT_DEPTH: \"0\"\n");
        y.append("  cache:\n    key: matey-m2\n    paths: [.m2/]\n");
        y.append("  script:\n")
                .append("    - ").append(requireGitUrl("the project's Settings > CI/CD > Variables")).append('\n')
                .append("    - apt-get update -qq && apt-get install -y -qq git\n");
        cloneForThisJob().forEach(line -> y.append("    - ").append(line).append('\n'));
        y.append("    - ").append(fetchBranch(branch)).append('\n');
        commands(workspace, branch).forEach(c -> y.append("    - ").append(c).append('\n'));
        return y.toString();
    }

    /**
     * Every {@code $} is doubled because {@code pipeline upload} substitutes variables in the file (an escaped one
     * reaches the shell as is), and these are the job's own.
     */
    private static String buildkite(String workspace, String branch, List<TargetConfig> targets) {
        StringBuilder y = new StringBuilder();
        List<TargetConfig> servers = targets.stream()
                .filter(t -> service(t).isPresent() || needsSecretTestUrl(t)).toList();
        y.append("# Written by `matey init --ci buildkite`: upload it with `buildkite-agent pipeline upload`.\n")
                .append("# Fails when committed schema artifacts are stale. The agent needs Java 17 and git; set\n")
                .append("# MATEY_GIT_URL in the pipeline's environment")
                .append(servers.isEmpty() ? "" : ", and the test server URL of each target that needs one\n# ("
                        + String.join(", ", servers.stream().map(TargetConfig::testUrlEnv).distinct().toList())
                        + "): this pipeline starts no database service on your agent")
                .append(".\n");
        StringBuilder script = new StringBuilder()
                .append(requireGitUrl("the pipeline's environment")).append('\n');
        servers.stream().map(TargetConfig::testUrlEnv).distinct()
                .forEach(variable -> script.append(requireTestUrl(variable)).append('\n'));
        cloneForThisJob().forEach(line -> script.append(line).append('\n'));
        script.append(fetchBranch(branch)).append('\n');
        commands(workspace, branch).forEach(c -> script.append(c).append('\n'));
        y.append("steps:\n  - label: \":database: matey schema\"\n    command: |\n");
        script.toString().replace("$", "$$").lines().forEach(line -> y.append("      ").append(line).append('\n'));
        return y.toString();
    }

    /**
     * Clones matey into a directory of the job's own and puts it on {@code PATH}; the directory goes when the script
     * ends. A shell runner or persistent agent runs jobs, even concurrent ones, with the same temporary directory,
     * where a fixed path would already exist or be another job's.
     */
    private static List<String> cloneForThisJob() {
        return List.of("matey_tmp=\"$(mktemp -d)\"",
                "trap 'rm -rf \"$matey_tmp\"' EXIT",
                "git clone --depth 1 \"$MATEY_GIT_URL\" \"$matey_tmp/matey\"",
                "export PATH=\"$matey_tmp/matey:$PATH\"");
    }

    /** Fetches the default branch as {@code origin/<branch>}, which {@code lint --base} compares with. */
    private static String fetchBranch(String branch) {
        return "git fetch -q origin " + shellWord("+refs/heads/" + branch + ":refs/remotes/origin/" + branch);
    }

    /** The text as one shell word: branch names may hold characters the shell reads. */
    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * A shell line that stops the job when {@code MATEY_GIT_URL} is empty, saying where to set it: {@code git clone ""}
     * would fail with a message that names neither. No ": " in it, so that it stays a plain YAML scalar.
     */
    private static String requireGitUrl(String where) {
        return "test -n \"$MATEY_GIT_URL\" || { echo \"The CI variable MATEY_GIT_URL is empty; set it to the clone "
                + "URL of the Matey repository in " + where + ".\" >&2; exit 1; }";
    }

    /**
     * A shell line that stops the job when a target's test server variable is empty, naming it: on an agent of the
     * team's own, no service provides one. No ": " in it, so that it stays a plain YAML scalar.
     */
    private static String requireTestUrl(String variable) {
        return "test -n \"$" + variable + "\" || { echo \"The variable " + variable + " is empty; set it in the "
                + "pipeline's environment to the URL of a database server the agent reaches, where Matey may create "
                + "and drop scratch databases.\" >&2; exit 1; }";
    }

    private static List<String> testUrls(List<TargetConfig> targets, String host) {
        List<String> lines = new ArrayList<>();
        targets.forEach(t -> service(t).ifPresent(s -> lines.add(testUrlLine(t, s, host))));
        return lines;
    }

    private static String testUrlLine(TargetConfig target, CiService service, String host) {
        return target.testUrlEnv() + ": " + service.testUrl(host);
    }
}
