package io.matey.artifact;

import static io.matey.artifact.LockFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.ServerProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockFileCodecTest {

    @Test
    void parsesThePythonExample() throws Exception {
        SchemaLock lock = LockFileCodec.parse(utf8(LockFixtures.LOCK));

        assertThat(lock.lockVersion()).isZero();
        assertThat(lock.engine()).isEqualTo("sqlite");
        assertThat(lock.target()).isEqualTo("db/core");
        assertThat(lock.headIndex()).isEqualTo(1);
        assertThat(lock.steps()).containsExactly(new LockStep(1, "001", "migrations/001_init.sql",
                "1092f30b6d53075f945b08662b7c976393f22a2bf5eec87a6d6bac3bab5caac1", "checkpoints/001_init.sql",
                "06a62e66019ce0e3187da698e65f4dd489219e964f5a3c644b974e2fd69a6b51",
                "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8",
                "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8"));
        assertThat(LockFileCodec.render(lock)).isEqualTo(LockFixtures.LOCK);
    }

    @Test
    void parsesAnEmptyStepList() throws Exception {
        assertThat(LockFileCodec.parse(utf8(LockFixtures.ZERO_POSTGRES_LOCK)).steps()).isEmpty();
    }

    @Test
    void ignoresUnknownKeysAndKeyOrder() throws Exception {
        String edited = LockFixtures.LOCK
                .replace("lock_version = 0\n", "comment = \"hand edit\"\n")
                .replace("head_index = 1\n", "head_index = 1\nlock_version = 0\nnote = [1, 2]\n")
                .replace("[[steps]]\n", "[[steps]]\nextra = 7\n");

        assertThat(LockFileCodec.parse(utf8(edited))).isEqualTo(LockFileCodec.parse(utf8(LockFixtures.LOCK)));
    }

    @Test
    void rendersStringsWithTomliWEscapesAndParsesThemBack() throws Exception {
        String odd = "db/\"q\"\\b\u0008\t\n\f\r\u0001\u007f\u00e4\uD83D\uDE00";
        SchemaLock lock = LockFactory.build("sqlite", odd, List.of(), "");

        String text = LockFileCodec.render(lock);

        assertThat(text).contains(
                "target = \"db/\\\"q\\\"\\\\b\\b\t\\n\\f\\r\\u0001\\u007f\u00e4\uD83D\uDE00\"\n");
        assertThat(LockFileCodec.parse(utf8(text))).isEqualTo(lock);
    }

    @Test
    void writesTheRolesAStepCreatesOnOneLineAndReadsThemBack() throws Exception {
        SchemaLock lock = LockFactory.build("postgres", "app", List.of(new LockFactory.StepSource("001",
                "migrations/001_a.sql", utf8("x"), "checkpoints/001_a.sql", "k1", null, List.of("app_r", "Odd \"q\""))),
                "");

        String text = LockFileCodec.render(lock);

        assertThat(text).endsWith("schema_digest = \"k1\"\nroles = [\"app_r\", \"Odd \\\"q\\\"\"]\n");
        assertThat(LockFileCodec.parse(utf8(text))).isEqualTo(lock);
        assertThat(LockFileCodec.render(LockFactory.build("postgres", "app", List.of(new LockFactory.StepSource("001",
                "migrations/001_a.sql", utf8("x"), "checkpoints/001_a.sql", "k1", null)), ""))).as("no roles, no key")
                .doesNotContain("roles");
    }

    @Test
    void writesTheReplayServerAfterTheHeadAndReadsItBack() throws Exception {
        SchemaLock lock = LockFileCodec.parse(utf8(LockFixtures.LOCK))
                .withReplayServer(new ServerProfile("mariadb", "10.11", "utf8mb4", "utf8mb4_general_ci"));

        String text = LockFileCodec.render(lock);

        assertThat(text).contains("head_schema_digest = \"" + lock.headSchemaDigest() + "\"\n"
                + "replay_server_family = \"mariadb\"\nreplay_server_version = \"10.11\"\n"
                + "replay_charset = \"utf8mb4\"\nreplay_collation = \"utf8mb4_general_ci\"\n\n[[steps]]\n");
        assertThat(LockFileCodec.parse(utf8(text))).isEqualTo(lock);
        // Python matey's lock, and an earlier Matey's, record none
        assertThat(LockFileCodec.parse(utf8(LockFixtures.LOCK)).replayServer()).isNull();
    }

    @Test
    void refusesSomeReplayServerKeysWithoutTheOthers() {
        String partial = LockFixtures.LOCK.replace("head_index = 1\n", "head_index = 1\nreplay_charset = \"latin1\"\n");

        assertThatThrownBy(() -> LockFileCodec.parse(utf8(partial)))
                .isInstanceOf(LockFileException.class)
                .hasMessage("the keys replay_server_family, replay_server_version, replay_charset and replay_collation "
                        + "come together, and only some are set; `matey schema apply --clean` writes them");
    }

    /** db up writes them into CREATE DATABASE: nothing but a name goes there. */
    @Test
    void refusesACollationThatIsNoName() {
        String keys = "head_index = 1\nreplay_server_family = \"mariadb\"\nreplay_server_version = \"10.11\"\n"
                + "replay_charset = \"latin1\"\nreplay_collation = \"latin1_bin; DROP DATABASE x\"\n";

        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK.replace("head_index = 1\n", keys))))
                .isInstanceOf(LockFileException.class)
                .hasMessage("the keys replay_charset and replay_collation name a character set and a collation "
                        + "(letters, digits, _), not 'latin1_bin; DROP DATABASE x'; `matey schema apply --clean` "
                        + "writes them");
    }

    @Test
    void readsALockWithoutRolesAsStepsCreatingNone() throws Exception {
        assertThat(LockFileCodec.parse(utf8(LockFixtures.LOCK)).steps().get(0).roles()).isEmpty();
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK + "roles = [1]\n")))
                .isInstanceOf(LockFileException.class).hasMessage("'roles' must be an array of strings, got 1 (line "
                        + (LockFixtures.LOCK.lines().count() + 1) + ")");
    }

    @Test
    void reportsMissingKeys() {
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK.replace("engine = \"sqlite\"\n", ""))))
                .isInstanceOf(LockFileException.class)
                .hasMessage("missing key 'engine'");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.ZERO_POSTGRES_LOCK.replace("steps = []\n", ""))))
                .hasMessage("missing key 'steps'");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK.replace("index = 1\n", ""))))
                .hasMessage("missing key 'index'");
    }

    @Test
    void reportsTypeErrors() {
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK.replace("head_index = 1", "head_index = \"1\""))))
                .isInstanceOf(LockFileException.class)
                .hasMessage("'head_index' must be an integer, got 1 (line " + lineOf(LockFixtures.LOCK, "head_index = ") + ")");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.LOCK.replace("engine = \"sqlite\"", "engine = 3"))))
                .hasMessage("'engine' must be a string, got 3 (line " + lineOf(LockFixtures.LOCK, "engine = ") + ")");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.ZERO_POSTGRES_LOCK.replace("steps = []", "steps = [1]"))))
                .hasMessage("steps[0] is not a table");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.ZERO_POSTGRES_LOCK.replace("steps = []", "steps = 1"))))
                .hasMessageStartingWith("'steps' must be an array of tables");
        assertThatThrownBy(() -> LockFileCodec.parse(utf8(LockFixtures.ZERO_POSTGRES_LOCK.replace("head_index = 0", "head_index = 4294967296"))))
                .hasMessage("'head_index' is out of range: 4294967296 (line "
                        + lineOf(LockFixtures.ZERO_POSTGRES_LOCK, "head_index = ") + ")");
    }

    @Test
    void reportsSyntaxErrorsAndBadEncoding() {
        assertThatThrownBy(() -> LockFileCodec.parse(utf8("lock_version = = 0\n")))
                .isInstanceOf(LockFileException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> LockFileCodec.parse(new byte[] {'a', '=', '"', (byte) 0xff, '"'}))
                .hasMessage("lockfile is not valid UTF-8: byte 0xFF at byte offset 3 of the file (line 1)");
    }

    /** The 1-based line of the first line of {@code text} starting with {@code start}. */
    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start);
    }
}
