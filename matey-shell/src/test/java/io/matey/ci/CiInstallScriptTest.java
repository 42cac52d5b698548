package io.matey.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.workspace.InexactDowns;
import io.matey.workspace.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The lines the pipelines {@code init --ci} writes run before matey: parsed as the CI system parses the file and run
 * by a shell, as the runner runs them.
 */
class CiInstallScriptTest {

    private static final List<TargetConfig> TARGETS = List.of(new TargetConfig("app", Path.of("app"), "postgres", 0,
            "APP_URL", "APP_TEST_URL", null, InexactDowns.NONE, false, true));

    @TempDir
    Path dir;

    @Test
    void anEmptyMateyGitUrlStopsEveryPipelineSayingWhereToSetIt() throws Exception {
        Map<CiProvider, String> where = Map.of(
                CiProvider.GITHUB, "in the repository's Settings > Secrets and variables > Actions > Variables.",
                CiProvider.GITLAB, "in the project's Settings > CI/CD > Variables.",
                CiProvider.BUILDKITE, "in the pipeline's environment.");
        for (CiProvider provider : CiProvider.values()) {
            Run run = sh(installScript(provider), "");
            assertThat(run.exitCode()).as(provider.name()).isEqualTo(1);
            assertThat(run.output()).as(provider.name())
                    .isEqualTo("The CI variable MATEY_GIT_URL is empty; set it to the clone URL of the Matey "
                            + "repository " + where.get(provider) + "\n");
        }
    }

    /** A Buildkite agent is the team's own machine, with no database service: an empty test URL stops the job. */
    @Test
    void anEmptyTestUrlStopsTheBuildkiteJobNamingItsVariable() throws Exception {
        Run run = sh(installScript(CiProvider.BUILDKITE), "file:///nowhere", "");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("The variable APP_TEST_URL is empty; set it in the pipeline's environment "
                + "to the URL of a database server the agent reaches, where Matey may create and drop scratch "
                + "databases.\n");
        assertThat(CiPipeline.render(CiProvider.BUILDKITE, ".", "main", TARGETS))
                .contains("# (APP_TEST_URL): this pipeline starts no database service on your agent.\n");
    }

    /** The matey clone is outside the workspace, where hashFiles() cannot read, so the install step hashes its poms. */
    @Test
    void githubCachesTheMavenDownloadsKeyedByTheClonesPoms() throws Exception {
        Path matey = Files.createDirectories(dir.resolve("matey-repo/matey-core"));
        Files.writeString(matey.resolveSibling("pom.xml"), "<project>root</project>\n");
        Files.writeString(matey.resolve("pom.xml"), "<project>core</project>\n");
        git(matey.getParent(), "init", "-q");
        git(matey.getParent(), "add", ".");
        git(matey.getParent(), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "poms");

        Run run = sh(installScript(CiProvider.GITHUB), matey.getParent().toUri().toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        String hash = sha256("<project>root</project>\n<project>core</project>\n");
        assertThat(Files.readString(dir.resolve("output"))).isEqualTo("poms=" + hash + "\n");

        List<Map<String, Object>> steps = githubSteps();
        int install = indexOf(steps, "Install matey");
        Map<String, Object> cache = steps.get(install + 1);
        assertThat(cache.get("uses")).isEqualTo("actions/cache@v4");
        assertThat(cache.get("with")).isEqualTo(Map.of("path", "~/.m2",
                "key", "matey-m2-${{ steps.matey.outputs.poms }}", "restore-keys", "matey-m2-"));
        assertThat(steps.get(install).get("id")).isEqualTo("matey");
        assertThat(indexOf(steps, "Lint migrations and artifacts")).isGreaterThan(install + 1);
    }

    /**
     * A GitLab shell runner or a persistent Buildkite agent runs jobs, concurrent ones too, with the same TMPDIR, and
     * TMPDIR may be unset: each job clones into a directory of its own under the temporary directory and removes it
     * when the script ends.
     */
    @Test
    void gitlabAndBuildkiteCloneIntoAFreshDirectoryPerJobAndRemoveIt() throws Exception {
        Path matey = Files.createDirectories(dir.resolve("matey-repo"));
        Files.writeString(matey.resolve("pom.xml"), "<project/>\n");
        git(matey, "init", "-q", "-b", "main");
        git(matey, "add", ".");
        git(matey, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "pom");
        git(dir, "init", "-q");
        git(dir, "remote", "add", "origin", matey.toString());
        Path runner = Files.createDirectories(dir.resolve("runner"));
        for (CiProvider provider : List.of(CiProvider.GITLAB, CiProvider.BUILDKITE)) {
            String script = installScript(provider) + "\necho \"${PATH%%:*}\"\n";
            for (String job : List.of("", "", "unset TMPDIR\n")) {
                Run run = sh(job + script, matey.toUri().toString());
                assertThat(run.exitCode()).as(provider + ": " + run.output()).isZero();
                Path clone = Path.of(run.output().strip().lines().reduce((first, last) -> last).orElseThrow());
                assertThat(clone.getFileName()).hasToString("matey");
                assertThat(clone.getParent().getParent()).as(provider.name())
                        .isEqualTo(job.isEmpty() ? runner : Path.of("/tmp"));
                assertThat(clone.getParent()).as(provider.name()).doesNotExist();
            }
            assertThat(runner).as(provider.name()).isEmptyDirectory();
        }
    }

    /** GitLab caches only paths inside the project: Maven and its wrapper are told to download there. */
    @Test
    @SuppressWarnings("unchecked")
    void gitlabCachesTheMavenDownloadsInsideTheProject() {
        Map<String, Object> job = (Map<String, Object>) gitlab().get("matey_schema");
        assertThat(job.get("cache")).isEqualTo(Map.of("key", "matey-m2", "paths", List.of(".m2/")));
        assertThat((Map<String, Object>) job.get("variables")).containsEntry("MAVEN_USER_HOME", "$CI_PROJECT_DIR/.m2")
                .containsEntry("MAVEN_OPTS", "-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository");
    }

    /** The shell lines that install matey: everything before the first matey command. */
    @SuppressWarnings("unchecked")
    private static String installScript(CiProvider provider) {
        return switch (provider) {
            case GITHUB -> githubSteps().get(indexOf(githubSteps(), "Install matey")).get("run").toString();
            case GITLAB -> String.join("\n", beforeMatey((List<String>)
                    ((Map<String, Object>) gitlab().get("matey_schema")).get("script")));
            case BUILDKITE -> {
                Map<String, Object> yaml = new Yaml().load(CiPipeline.render(provider, ".", "main", TARGETS));
                Map<String, Object> step = ((List<Map<String, Object>>) yaml.get("steps")).get(0);
                // pipeline upload turns the escaped $$ into the $ the shell reads
                String command = step.get("command").toString().replace("$$", "$");
                yield String.join("\n", beforeMatey(List.of(command.split("\n"))));
            }
        };
    }

    private static List<String> beforeMatey(List<String> lines) {
        List<String> install = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("matey ")) {
                break;
            }
            install.add(line);
        }
        return install;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> githubSteps() {
        Map<String, Object> yaml = new Yaml().load(CiPipeline.render(CiProvider.GITHUB, ".", "main", TARGETS));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) yaml.get("jobs")).get("schema");
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static Map<String, Object> gitlab() {
        return new Yaml().load(CiPipeline.render(CiProvider.GITLAB, ".", "main", TARGETS));
    }

    private static int indexOf(List<Map<String, Object>> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (name.equals(steps.get(i).get("name"))) {
                return i;
            }
        }
        throw new AssertionError("no step " + name + " in " + steps);
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the script with -e, as the runners do, stdout and stderr merged; apt-get is absent on purpose. */
    private Run sh(String script, String gitUrl) throws IOException, InterruptedException {
        return sh(script, gitUrl, "postgres://ci@db.example:5432/postgres");
    }

    /** Runs {@code script} as the runner would, with {@code testUrl} as the target's test server variable. */
    private Run sh(String script, String gitUrl, String testUrl) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-e", "-c", script.replace("apt-get update", "true # apt-get"))
                .directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("MATEY_GIT_URL", gitUrl);
        env.put("APP_TEST_URL", testUrl);
        env.put("RUNNER_TEMP", Files.createDirectories(dir.resolve("runner")).toString());
        env.put("TMPDIR", dir.resolve("runner").toString());
        env.put("GITHUB_PATH", dir.resolve("path").toString());
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
