package io.matey.artifact;

import static io.matey.artifact.LockFixtures.utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A target's files held in memory, written coherent and then broken on purpose by each test. */
final class TargetFixture {

    final String target;
    final Map<String, byte[]> migrations = new TreeMap<>();
    final Map<String, byte[]> checkpoints = new TreeMap<>();
    byte[] schema;
    byte[] lock;

    private TargetFixture(String target) {
        this.target = target;
    }

    /** Migrations {@code migrations/<name>} with a checkpoint each, schema.sql and a matching lock. */
    static TargetFixture coherent(String engine, String target, String... migrationFiles) {
        TargetFixture fixture = new TargetFixture(target);
        List<LockFactory.StepSource> sources = new ArrayList<>();
        String schemaText = "\n";
        for (String file : migrationFiles) {
            String migrationFile = "migrations/" + file;
            String checkpointFile = Snapshot.checkpointPathFor(migrationFile);
            byte[] migration = utf8("-- migrate:up\nCREATE TABLE t_" + sources.size() + "(id INT);\n");
            schemaText = "-- schema after " + file + "\n";
            fixture.migrations.put(migrationFile, migration);
            fixture.checkpoints.put(checkpointFile, utf8(schemaText));
            sources.add(LockFactory.StepSource.ofText(Snapshot.versionOf(migrationFile), migrationFile, migration,
                    checkpointFile, schemaText));
        }
        fixture.schema = utf8(schemaText);
        fixture.lock = utf8(LockFileCodec.render(LockFactory.build(engine, target, sources, schemaText)));
        return fixture;
    }

    TargetFixture editLock(UnaryOperator<String> edit) {
        lock = utf8(edit.apply(new String(lock, StandardCharsets.UTF_8)));
        return this;
    }

    Snapshot snapshot() {
        return Snapshot.of(target, migrations, checkpoints, schema, lock);
    }

    LockState state() {
        return LockState.of(snapshot());
    }
}
