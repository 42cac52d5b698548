package io.matey.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.workspace.InexactDowns;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipelines {@code init --ci} writes: each server engine's service and test URL come from its plug-in. */
class CiPipelineTest {

    private static final List<TargetConfig> TARGETS = List.of(target("a", "mysql"), target("b", "postgresql"),
            target("c", "sqlite"));

    private static TargetConfig target(String name, String engine) {
        return new TargetConfig(name, Path.of(name), engine, 0, "DB_" + name.toUpperCase() + "_URL",
                "DB_" + name.toUpperCase() + "_TEST_URL", null, InexactDowns.NONE, false, true);
    }

    @Test
    void githubRunsAServiceContainerPerServerEngine() {
        assertThat(CiPipeline.render(CiProvider.GITHUB, ".", "main", TARGETS)).isEqualTo("""
            # Written by `matey init --ci github`: fails when committed schema artifacts are stale.
            name: matey-schema

            on:
              pull_request:
              push:
                branches: ["main"]

            jobs:
              schema:
                runs-on: ubuntu-latest
                services:
                  postgres:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: postgres
                    ports: ["5432:5432"]
                    options: --health-cmd pg_isready --health-interval 5s --health-retries 20
                  mysql:
                    image: mariadb:11.4
                    env:
                      MARIADB_ROOT_PASSWORD: root
                    ports: ["3306:3306"]
                    options: --health-cmd "healthcheck.sh --connect --innodb_initialized" --health-interval 5s \
            --health-retries 20
                env:
                  DB_A_TEST_URL: mysql://root:root@127.0.0.1:3306/mysql
                  DB_B_TEST_URL: postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable
                  MATEY_GIT_URL: ${{ vars.MATEY_GIT_URL }}
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - uses: actions/setup-java@v4
                    with:
                      distribution: temurin
                      java-version: "17"
                  - name: Install matey
                    id: matey
                    run: |
                      test -n "$MATEY_GIT_URL" || { echo "The CI variable MATEY_GIT_URL is empty; set it to the clone URL \
            of the Matey repository in the repository's Settings > Secrets and variables > Actions > Variables." \
            >&2; exit 1; }
                      git clone --depth 1 "$MATEY_GIT_URL" "$RUNNER_TEMP/matey"
                      echo "$RUNNER_TEMP/matey" >> "$GITHUB_PATH"
                      echo "poms=$(cat "$RUNNER_TEMP"/matey/pom.xml "$RUNNER_TEMP"/matey/*/pom.xml | sha256sum | cut -d ' ' \
            -f 1)" >> "$GITHUB_OUTPUT"
                  - name: Cache the Maven downloads of the matey build
                    uses: actions/cache@v4
                    with:
                      path: ~/.m2
                      key: matey-m2-${{ steps.matey.outputs.poms }}
                      restore-keys: matey-m2-
                  - name: Lint migrations and artifacts
                    run: |
                      matey --workspace . lint --all --base origin/main
                  - name: Committed schema artifacts match a fresh replay
                    run: |
                      matey --workspace . schema plan --all --exit-code
            """);
    }

    @Test
    void gitlabReachesEachServiceByItsAlias() {
        assertThat(CiPipeline.render(CiProvider.GITLAB, ".", "main", TARGETS)).contains("""
              services:
                - name: postgres:16
                  alias: postgres
                - name: mariadb:11.4
                  alias: mysql
              variables:
                POSTGRES_PASSWORD: postgres
                MARIADB_ROOT_PASSWORD: root
            """).contains("""
                DB_A_TEST_URL: mysql://root:root@mysql:3306/mysql
                DB_B_TEST_URL: postgres://postgres:postgres@postgres:5432/postgres?sslmode=disable
                MAVEN_USER_HOME: $CI_PROJECT_DIR/.m2
            """);
    }

    /** GitHub's service containers take no arguments, so the emulator (which needs its project) is a step there. */
    @Test
    void theBigQueryEmulatorStartsWithItsProject() {
        List<TargetConfig> targets = List.of(target("a", "bigquery-emulator"), target("b", "postgres"));
        String github = CiPipeline.render(CiProvider.GITHUB, ".", "main", targets);
        assertThat(github).contains("""
                      - name: Start bigquery-emulator
                        run: |
                          docker run -d --name bigquery-emulator -p 9050:9050 ghcr.io/goccy/bigquery-emulator:latest \
                --project=matey
                          for attempt in $(seq 30); do curl -sf http://127.0.0.1:9050/bigquery/v2/projects/matey/datasets \
                > /dev/null && break; sleep 2; done
                """).contains("""
                      DB_A_TEST_URL: bigquery-emulator://127.0.0.1:9050/matey/scratch
                """);
        assertThat(github.substring(github.indexOf("services:"), github.indexOf("    env:")))
                .contains("postgres:").doesNotContain("bigquery");
        assertThat(github.indexOf("Start bigquery-emulator")).isLessThan(github.indexOf("Committed schema artifacts"));
        assertThat(CiPipeline.render(CiProvider.GITLAB, ".", "main", targets)).contains("""
                - name: ghcr.io/goccy/bigquery-emulator:latest
                  alias: bigquery-emulator
                  command: ["--project=matey"]
            """).contains("DB_A_TEST_URL: bigquery-emulator://bigquery-emulator:9050/matey/scratch");
    }

    @Test
    void realBigQueryTakesItsTestUrlFromASecret() {
        String github = CiPipeline.render(CiProvider.GITHUB, ".", "main", List.of(target("a", "bigquery")));
        assertThat(github).contains("      DB_A_TEST_URL: ${{ secrets.DB_A_TEST_URL }}\n").doesNotContain("services:");
    }

    /** A tester's workspace of SQLite and PostgreSQL targets got MariaDB's and ClickHouse's passwords too. */
    @Test
    void onlyTheServicesTheTargetsUseGetTheirVariables() {
        List<TargetConfig> targets = List.of(target("a", "sqlite"), target("b", "postgres"));
        for (CiProvider provider : CiProvider.values()) {
            assertThat(CiPipeline.render(provider, ".", "main", targets)).as(provider.name())
                    .doesNotContain("MARIADB_ROOT_PASSWORD").doesNotContain("CLICKHOUSE_PASSWORD")
                    .doesNotContain("mariadb").doesNotContain("clickhouse");
        }
        assertThat(CiPipeline.render(CiProvider.GITLAB, ".", "main", targets)).contains("""
              variables:
                POSTGRES_PASSWORD: postgres
                DB_B_TEST_URL: postgres://postgres:postgres@postgres:5432/postgres?sslmode=disable
            """);
    }

    /** Lint compares with the default branch, which GitLab and Buildkite fetch first (GitHub's checkout has it). */
    @Test
    void lintComparesTheMigrationsWithTheDefaultBranch() {
        List<TargetConfig> sqlite = List.of(target("a", "sqlite"));
        for (CiProvider provider : CiProvider.values()) {
            assertThat(CiPipeline.render(provider, "db", "trunk", sqlite)).as(provider.name())
                    .contains("matey --workspace db lint --all --base origin/trunk\n");
        }
        assertThat(CiPipeline.render(CiProvider.GITLAB, "db", "trunk", sqlite)).contains("""
                - git fetch -q origin +refs/heads/trunk:refs/remotes/origin/trunk
                - matey --workspace db lint --all --base origin/trunk
            """).contains("    GIT_DEPTH: \"0\"\n");
        assertThat(CiPipeline.render(CiProvider.BUILDKITE, "db", "trunk", sqlite)).contains("""
                  git fetch -q origin +refs/heads/trunk:refs/remotes/origin/trunk
                  matey --workspace db lint --all --base origin/trunk
            """);
        assertThat(CiPipeline.render(CiProvider.GITHUB, "db", "trunk", sqlite)).contains("fetch-depth: 0");
    }

    @Test
    void sqliteNeedsNoService() {
        List<TargetConfig> sqlite = List.of(target("a", "sqlite"));
        assertThat(CiPipeline.render(CiProvider.GITHUB, ".", "main", sqlite)).doesNotContain("services:")
                .doesNotContain("DB_A_TEST_URL");
        assertThat(CiPipeline.render(CiProvider.GITLAB, ".", "main", sqlite)).doesNotContain("services:")
                .doesNotContain("DB_A_TEST_URL");
    }

    @Test
    void aClickHouseTargetGetsTheServerImageOnItsHttpPort() {
        TargetConfig target = new TargetConfig("ch", Path.of("ch"), "clickhouse", 0, "DB_CH_URL", "DB_CH_TEST_URL", null,
                InexactDowns.NONE, false, true);
        assertThat(CiPipeline.render(CiProvider.GITHUB, ".", "main", List.of(target))).contains(
                "image: clickhouse/clickhouse-server:25.8", "ports: [\"8123:8123\"]",
                "DB_CH_TEST_URL: clickhouse://default:matey@127.0.0.1:8123/default");
    }
}
