package io.matey.artifact;

import java.nio.charset.StandardCharsets;

/** The sqlite one-migration target {@code db/core} of matey-python.md sections 4.3 and 4.5. */
final class LockFixtures {

    static final String MIGRATION = "-- migrate:up\nCREATE TABLE widget(id INTEGER PRIMARY KEY);\n"
            + "-- migrate:down\nDROP TABLE widget;\n";

    static final String SCHEMA = "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version varchar(128) primary key);\n"
            + "CREATE TABLE widget(id INTEGER PRIMARY KEY);\n"
            + "-- Dbmate schema migrations\n"
            + "INSERT INTO \"schema_migrations\" (version) VALUES\n"
            + "  ('001');\n";

    static final String LOCK = """
            lock_version = 0
            hash_algorithm = "blake2b-256"
            canonicalizer = "matey-catalog-v1"
            engine = "sqlite"
            target = "db/core"
            schema_file = "schema.sql"
            migrations_dir = "migrations"
            checkpoints_dir = "checkpoints"
            head_index = 1
            head_chain_hash = "06a62e66019ce0e3187da698e65f4dd489219e964f5a3c644b974e2fd69a6b51"
            head_schema_digest = "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8"

            [[steps]]
            index = 1
            version = "001"
            migration_file = "migrations/001_init.sql"
            migration_digest = "1092f30b6d53075f945b08662b7c976393f22a2bf5eec87a6d6bac3bab5caac1"
            checkpoint_file = "checkpoints/001_init.sql"
            chain_hash = "06a62e66019ce0e3187da698e65f4dd489219e964f5a3c644b974e2fd69a6b51"
            checkpoint_digest = "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8"
            schema_digest = "d05bb35743227c1d06e1521ef43f071cd417ff67f48d1771d92681c20ad6b6b8"
            """;

    static final String ZERO_POSTGRES_LOCK = """
            lock_version = 0
            hash_algorithm = "blake2b-256"
            canonicalizer = "matey-catalog-v1"
            engine = "postgres"
            target = "."
            schema_file = "schema.sql"
            migrations_dir = "migrations"
            checkpoints_dir = "checkpoints"
            head_index = 0
            head_chain_hash = "a179de2dda5af64d1eb6042b1019c87245b405380126510b0e5bc884bce6d7ae"
            head_schema_digest = "5b4b01a4a3892ea3751793da57f072ae08eec694ddcda872239fc8239e4bcd1b"
            steps = []
            """;

    private LockFixtures() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
