package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import java.sql.Connection;
import java.sql.SQLException;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.MigrationTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every BigQuery engine must do, run against the double and, where a test URL is set, against a real service
 * or emulator: datasets as databases, dbmate's schema_migrations, a dump that does not depend on the dataset's name
 * and is a fixed point.
 */
abstract class BigQueryScenarios {

    /** Tables only: what both BigQuery and the emulator dump. */
    static final String TABLES = """
            CREATE TABLE events (id INT64 NOT NULL, kind STRING(20), at TIMESTAMP, amount NUMERIC(12, 2),
              tags ARRAY<STRING>, payload STRUCT<source STRING, attempts INT64>, body JSON, place GEOGRAPHY, raw BYTES,
              PRIMARY KEY (id) NOT ENFORCED);
            CREATE TABLE accounts (id INT64 NOT NULL, opened DATE, cutoff TIME, local DATETIME, ratio FLOAT64, active BOOL);
            ALTER TABLE accounts ADD COLUMN region STRING;
            ALTER TABLE accounts ADD PRIMARY KEY (region, id) NOT ENFORCED;
            """;

    private final List<MateyUrl> created = new ArrayList<>();

    abstract BigQueryEngine engine();

    /** A scratch base URL: a project (and location) where datasets may be created. */
    abstract MateyUrl base();

    MateyUrl scratch(String purpose) throws SQLException {
        MateyUrl url = engine().siblingUrl(base(), "matey_test_" + purpose + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        engine().createDatabase(url);
        created.add(url);
        return url;
    }

    @AfterEach
    void dropScratchDatasets() throws Exception {
        for (MateyUrl url : created) {
            engine().dropDatabase(url);
        }
    }

    @Test
    void aDatabaseIsADatasetThatIsCreatedListedAndDropped() throws Exception {
        MateyUrl url = scratch("life");
        String name = BigQueryUrl.of(url).dataset();
        assertThat(engine().databaseExists(url)).isTrue();
        assertThat(engine().databasesNamed(base(), "matey_test_life_")).contains(name);
        engine().createDatabase(url); // a no-op when it exists
        engine().dropDatabase(url);
        assertThat(engine().databaseExists(url)).isFalse();
        assertThat(engine().connectIfExists(url)).isEmpty();
        assertThat(engine().databasesNamed(base(), "matey_test_life_")).doesNotContain(name);
    }

    @Test
    void schemaMigrationsHasDbmatesShapeAndRecordsAndRemovesVersions() throws Exception {
        Connection dataset = engine().connect(scratch("migrations"));
        MigrationTable table = engine().migrationTable();
        assertThat(table.appliedVersions(dataset)).isEmpty();
        table.ensure(dataset);
        table.ensure(dataset);
        StandardTableDefinition definition = BigQueryConnection.dataset(dataset).client().getTable(TableId.of(BigQueryConnection.dataset(dataset).url().project(),
                BigQueryConnection.dataset(dataset).url().dataset(), MigrationTable.NAME)).getDefinition();
        assertThat(definition.getSchema().getFields()).singleElement().satisfies(field -> {
            assertThat(field.getName()).isEqualTo("version");
            assertThat(field.getType()).isEqualTo(LegacySQLTypeName.STRING);
            assertThat(field.getMode()).isIn(null, Field.Mode.NULLABLE);
        });
        table.record(dataset, "20240102000000");
        table.record(dataset, "20240101000000");
        table.record(dataset, "20240103000000");
        table.remove(dataset, "20240102000000");
        assertThat(table.appliedVersions(dataset)).containsExactly("20240101000000", "20240103000000");
    }

    @Test
    void theDumpDoesNotDependOnTheDatasetAndIsAFixedPoint() throws Exception {
        Connection first = engine().connect(scratch("dump_a"));
        Connection second = engine().connect(scratch("dump_b"));
        engine().load(first, TABLES);
        engine().load(second, TABLES);
        engine().migrationTable().ensure(first);
        engine().migrationTable().record(first, "1");

        String dump = engine().dumpSchema(first);
        assertThat(dump).contains("CREATE TABLE `accounts`").contains("CREATE TABLE `events`")
                .doesNotContain(BigQueryConnection.dataset(first).url().dataset()).doesNotContain(MigrationTable.NAME);
        assertThat(dump.indexOf("`accounts`")).isLessThan(dump.indexOf("`events`"));
        assertThat(dump).contains("region STRING").contains("tags ARRAY<STRING>").contains("amount NUMERIC(12, 2)")
                .contains("payload STRUCT<source STRING, attempts INT64>").contains("id INT64 NOT NULL")
                .contains("PRIMARY KEY (id) NOT ENFORCED").contains("PRIMARY KEY (region, id) NOT ENFORCED");
        assertThat(engine().dumpSchema(second)).isEqualTo(dump);

        Connection loaded = engine().connect(scratch("dump_c"));
        engine().load(loaded, dump);
        assertThat(engine().dumpSchema(loaded)).isEqualTo(dump);
    }

    @Test
    void anEmptyDatasetDumpsToEmptyText() throws Exception {
        Connection dataset = engine().connect(scratch("empty"));
        engine().migrationTable().ensure(dataset);
        try (Engine.MigrationLock lock = engine().lockMigrations(dataset, Duration.ofSeconds(5))) {
            assertThat(engine().dumpSchema(dataset)).isEmpty();
        }
    }

    @Test
    void theMigrationLockHasOneHolderAtATimeAndNamesIt() throws Exception {
        Connection dataset = engine().connect(scratch("lock"));
        try (Engine.MigrationLock held = engine().lockMigrations(dataset, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> engine().lockMigrations(dataset, Duration.ofMillis(600)))
                    .isInstanceOf(MigrationLockTimeoutException.class)
                    .hasMessageContaining("matey_migration_lock").hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("DROP TABLE matey_migration_lock");
        }
        engine().lockMigrations(dataset, Duration.ofSeconds(5)).close();
    }
}
