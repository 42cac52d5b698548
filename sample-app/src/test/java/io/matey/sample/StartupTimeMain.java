package io.matey.sample;

import io.matey.Matey;
import io.matey.replay.ReplayOptions;
import io.matey.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up time of the sample app against a 100-table PostgreSQL schema (10 migrations of 10 tables, each with
 * an index and a foreign key) with Matey's verification on, next to the same app with {@code matey.enabled=false}.
 * Runs alternate in one JVM after warm-up; the first start of each kind is reported apart, since it also loads
 * the classes. The workspace is packaged in a jar on the classpath, as in production. Not a test: run it with
 * {@code sample-app/startup-time.sh} (needs {@code MATEY_TEST_POSTGRES_URL}); arguments are extra properties
 * for both kinds of run, such as {@code logging.level.io.matey=INFO}.
 */
public final class StartupTimeMain {

    private static final int TABLES_PER_MIGRATION = 10;
    private static final int MIGRATIONS = 10;
    private static final int WARMUP = 3;
    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("matey-startup-");
        Path workspace = workspace(dir.resolve("ws"));
        ClassLoader jar = jar(workspace, dir.resolve("workspace.jar"));
        try (TestDatabase db = TestDatabase.create("postgres")) {
            List<String> common = List.of("spring.profiles.active=postgres", "spring.datasource.url="
                    + PostgresUrls.jdbcUrl(db), "spring.datasource.username=" + db.url().user(),
                    "matey.workspace=classpath:bench/matey", "matey.primary-target=postgres",
                    "spring.main.banner-mode=off", "logging.level.root=WARN");
            common = with(common, args);
            start(jar, common, "matey.migrate-on-startup=true").close();
            List<String> off = with(common, "matey.enabled=false");
            List<String> verify = with(common, "matey.migrate-on-startup=false", "matey.verify-on-startup=true");

            long firstOff = time(jar, off);
            long firstVerify = time(jar, verify);
            for (int i = 0; i < WARMUP; i++) {
                time(jar, off);
                time(jar, verify);
            }
            long[] offTimes = new long[RUNS];
            long[] verifyTimes = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                offTimes[i] = time(jar, off);
                verifyTimes[i] = time(jar, verify);
            }
            report(firstOff, firstVerify, offTimes, verifyTimes);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static void report(long firstOff, long firstVerify, long[] off, long[] verify) {
        System.out.printf("schema: %d tables in %d migrations (PostgreSQL); %d runs of each after %d warm-up pairs%n",
                TABLES_PER_MIGRATION * MIGRATIONS, MIGRATIONS, off.length, WARMUP);
        System.out.printf("first start     matey.enabled=false %5d ms   verification on %5d ms   added %5d ms%n",
                firstOff, firstVerify, firstVerify - firstOff);
        System.out.printf("median          matey.enabled=false %5d ms   verification on %5d ms   added %5d ms%n",
                median(off), median(verify), median(verify) - median(off));
        System.out.printf("min             matey.enabled=false %5d ms   verification on %5d ms   added %5d ms%n",
                min(off), min(verify), min(verify) - min(off));
    }

    private static long time(ClassLoader loader, List<String> properties) {
        long started = System.nanoTime();
        ConfigurableApplicationContext app = start(loader, properties);
        long millis = (System.nanoTime() - started) / 1_000_000;
        app.close();
        return millis;
    }

    private static ConfigurableApplicationContext start(ClassLoader loader, List<String> properties, String... more) {
        return new SpringApplicationBuilder(SampleApplication.class).resourceLoader(new DefaultResourceLoader(loader))
                .run(Stream.concat(Stream.concat(Stream.of("server.port=0"), properties.stream()), Stream.of(more))
                        .map(p -> "--" + p).toArray(String[]::new));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** A workspace with target {@code postgres}: migrations of tables t001..t100, replayed into artifacts. */
    private static Path workspace(Path root) throws IOException {
        Path target = root.resolve("postgres");
        Files.createDirectories(target.resolve("migrations"));
        Files.writeString(root.resolve("matey.toml"), "targets = [\"postgres\"]\n");
        Files.writeString(target.resolve("config.toml"), "engine = \"postgres\"\nurl_env = \"BENCH_DATABASE_URL\"\ntest_url_env = \"MATEY_TEST_POSTGRES_URL\"\n");
        int table = 0;
        for (int m = 1; m <= MIGRATIONS; m++) {
            StringBuilder up = new StringBuilder("-- migrate:up\n");
            StringBuilder down = new StringBuilder("-- migrate:down\n");
            for (int i = 0; i < TABLES_PER_MIGRATION; i++) {
                table++;
                String name = String.format("t%03d", table);
                up.append("CREATE TABLE ").append(name).append(" (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, ")
                        .append("name VARCHAR(100) NOT NULL, amount NUMERIC(12, 2), created_at TIMESTAMPTZ NOT NULL ")
                        .append("DEFAULT now()").append(table > 1 ? String.format(", parent_id BIGINT REFERENCES t%03d (id)",
                                table - 1) : "").append(");\n")
                        .append("CREATE INDEX ").append(name).append("_name ON ").append(name).append(" (name);\n");
                down.insert("-- migrate:down\n".length(), "DROP TABLE " + name + ";\n");
            }
            Files.writeString(target.resolve(String.format("migrations/2026010100%02d00_tables_%d.sql", m, m)),
                    up + "\n" + down);
        }
        Matey matey = new Matey(root, root, Map.of("MATEY_TEST_POSTGRES_URL", System.getenv("MATEY_TEST_POSTGRES_URL")));
        matey.schemaApply("postgres", ReplayOptions.defaults(), line -> { });
        return root;
    }

    /** The workspace under {@code bench/matey/} in a jar, and a class loader that sees it. */
    private static ClassLoader jar(Path workspace, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(workspace)) {
            // With directory entries, as build tools write jars: resource patterns need them.
            for (Path path : files.sorted().toList()) {
                String name = ("bench/matey/" + workspace.relativize(path)).replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory && !name.endsWith("/") ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, StartupTimeMain.class.getClassLoader());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
