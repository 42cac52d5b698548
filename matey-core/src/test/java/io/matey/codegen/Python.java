package io.matey.codegen;

import static org.assertj.core.api.Assertions.fail;

import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreters that check generated models for real. {@code /usr/bin/python3} with Debian's
 * {@code python3-sqlalchemy} is required; declarative models need SQLAlchemy 2, which Debian 12 does not package,
 * so {@code MATEY_TEST_PYTHON} may name an interpreter that has it. A missing interpreter or library fails the
 * test with what to install: these checks are the acceptance of the feature and are never skipped.
 */
final class Python {

    static final Path SYSTEM = Path.of("/usr/bin/python3");

    record Interpreter(Path executable, String sqlalchemy) {
        boolean hasSqlAlchemy2() {
            return !sqlalchemy.startsWith("0.") && !sqlalchemy.startsWith("1.");
        }

        /** Runs the interpreter and returns its standard output; a non-zero exit fails the test with its stderr. */
        String run(List<String> args) {
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(args);
            try {
                Path stderr = Files.createTempFile("matey-python-", ".err");
                try {
                    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
                    process.getOutputStream().close();
                    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!process.waitFor(5, TimeUnit.MINUTES)) {
                        process.destroyForcibly();
                        fail(command + " timed out");
                    }
                    if (process.exitValue() != 0) {
                        fail(command + " failed with exit " + process.exitValue() + ":\n" + Files.readString(stderr));
                    }
                    return out;
                } finally {
                    Files.deleteIfExists(stderr);
                }
            } catch (IOException e) {
                return fail("cannot run " + command + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }

        /** Fails unless the interpreter can load the database driver SQLAlchemy needs for {@code engine}. */
        void requireDriver(String engine) {
            String module = switch (engine) {
                case "postgres" -> "psycopg2";
                case "mysql" -> "pymysql";
                default -> "sqlite3";
            };
            if (probe(executable, "import " + module + "; print('ok')") == null) {
                fail(executable + " cannot import " + module + ": install it with "
                        + "`apt-get install -y python3-psycopg2 python3-pymysql`.");
            }
        }
    }

    private Python() {
    }

    /** {@code /usr/bin/python3} with Debian's SQLAlchemy. */
    static Interpreter system() {
        String version = probe(SYSTEM, "import sqlalchemy; print(sqlalchemy.__version__)");
        if (version == null) {
            fail(SYSTEM + " cannot import sqlalchemy: install it with `apt-get install -y python3-sqlalchemy` "
                    + "(scripts/services.sh does).");
        }
        return new Interpreter(SYSTEM, version);
    }

    /** An interpreter with SQLAlchemy 2: {@code MATEY_TEST_PYTHON} if set, else {@code /usr/bin/python3}. */
    static Interpreter sqlAlchemy2() {
        for (Interpreter candidate : candidates()) {
            if (candidate.hasSqlAlchemy2()) {
                return candidate;
            }
        }
        return fail("Declarative models use SQLAlchemy 2 (DeclarativeBase, mapped_column), but no interpreter has it: "
                + candidates() + ". Point MATEY_TEST_PYTHON at a Python with SQLAlchemy 2, e.g. "
                + "`/usr/bin/python3 -m venv --system-site-packages /opt/matey-sqlalchemy2 && "
                + "/opt/matey-sqlalchemy2/bin/pip install 'sqlalchemy>=2,<2.1'`.");
    }

    /** Every distinct interpreter available, the system one first: the tables output must load in each. */
    static List<Interpreter> all() {
        return candidates();
    }

    private static List<Interpreter> candidates() {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(SYSTEM);
        String configured = System.getenv("MATEY_TEST_PYTHON");
        if (configured != null && !configured.isBlank()) {
            paths.add(Path.of(configured));
        }
        List<Interpreter> found = new ArrayList<>();
        found.add(system());
        for (Path path : paths) {
            if (!path.equals(SYSTEM)) {
                String version = probe(path, "import sqlalchemy; print(sqlalchemy.__version__)");
                if (version == null) {
                    fail("MATEY_TEST_PYTHON=" + path + " cannot import sqlalchemy.");
                }
                found.add(new Interpreter(path, version));
            }
        }
        return found;
    }

    /** The trimmed output of a one-liner, or null when it fails. */
    private static String probe(Path executable, String code) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "-c", code).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The SQLAlchemy URL of a test database. */
    static String sqlalchemyUrl(MateyUrl url) {
        if (url.isFile()) {
            return "sqlite:///" + Path.of(url.path()).toAbsolutePath();
        }
        String driver = url.scheme().startsWith("postgres") ? "postgresql+psycopg2" : "mysql+pymysql";
        String user = url.user() == null ? "" : url.user() + (url.password() == null ? "" : ":" + url.password()) + "@";
        int port = url.port() > 0 ? url.port() : driver.startsWith("postgresql") ? 5432 : 3306;
        return driver + "://" + user + url.host() + ":" + port + "/" + url.path();
    }
}
