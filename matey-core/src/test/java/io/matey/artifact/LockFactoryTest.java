package io.matey.artifact;

import static io.matey.artifact.LockFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockFactoryTest {

    @Test
    void reproducesThePythonLockOfTheSqliteExampleByteForByte() {
        SchemaLock lock = LockFactory.build("sqlite", "db/core", List.of(LockFactory.StepSource.ofText(
                "001", "migrations/001_init.sql", utf8(LockFixtures.MIGRATION), "checkpoints/001_init.sql",
                LockFixtures.SCHEMA)), LockFixtures.SCHEMA);

        assertThat(LockFileCodec.render(lock)).isEqualTo(LockFixtures.LOCK);
    }

    @Test
    void reproducesTheZeroStateLockOfInit() {
        SchemaLock lock = LockFactory.build("postgres", ".", List.of(), "\n");

        assertThat(LockFileCodec.render(lock)).isEqualTo(LockFixtures.ZERO_POSTGRES_LOCK);
    }

    @Test
    void chainsStepsInOrderWithSequentialIndexes() {
        SchemaLock lock = LockFactory.build("sqlite", ".", List.of(
                LockFactory.StepSource.ofText("001", "migrations/001_a.sql", utf8("a"), "checkpoints/001_a.sql", "A"),
                LockFactory.StepSource.ofText("002", "migrations/002_b.sql", utf8("b"), "checkpoints/002_b.sql", "B\n")),
                "B");

        String first = Digests.chainStep(Digests.chainSeed("sqlite", "."), "001", "migrations/001_a.sql",
                Digests.digest(utf8("a")));
        String second = Digests.chainStep(first, "002", "migrations/002_b.sql", Digests.digest(utf8("b")));
        assertThat(lock.steps()).extracting(LockStep::index).containsExactly(1, 2);
        assertThat(lock.steps()).extracting(LockStep::chainHash).containsExactly(first, second);
        assertThat(lock.headIndex()).isEqualTo(2);
        assertThat(lock.headChainHash()).isEqualTo(second);
        assertThat(lock.headSchemaDigest()).isEqualTo(Digests.sqlDigest("B\n"));
        assertThat(lock.steps().get(0).checkpointDigest()).isEqualTo(Digests.sqlDigest("A\n"));
        assertThat(lock.steps().get(0).schemaDigest()).isEqualTo(lock.steps().get(0).checkpointDigest());
    }
}
