package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;

/**
 * A {@code @DataJpaTest} on an empty PostgreSQL database (kept: {@code replace = NONE}) with JPA validating, as an
 * application's slice test runs it: Matey is in the slice but only verifies by default, so the context fails, and
 * the failure analysis says the migrations were pending and how to apply them; with
 * {@code matey.migrate-on-startup=true} in the slice's properties it migrates and JPA finds its table (README "Test
 * slices"). The slices are started here, by Spring's own {@link TestContextManager}, to see their failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class MateyInJpaTestSliceTest {

    static TestDatabase db;
    static TestWorkspace ws;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabase() throws Exception {
        ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        db = TestDatabase.create("postgres");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void aVerifyOnlySliceFailsWithTheAnalysisOfThePendingMigrations(CapturedOutput output) throws Exception {
        TestContextManager slice = new TestContextManager(VerifyOnlySlice.class);
        assertThatIllegalStateException().isThrownBy(() -> slice.prepareTestInstance(new VerifyOnlySlice()));
        assertThat(output).contains("Matey found 1 pending migration(s) for target 'db/core' (postgres://",
                "start-up failed after that: Schema", "validation: missing table [it_item]",
                "set matey.migrate-on-startup=true");
    }

    @Test
    void aSliceWithMigrateOnStartupSeesTheMigratedTable() throws Exception {
        TestContextManager slice = new TestContextManager(MigratingSlice.class);
        MigratingSlice test = new MigratingSlice();
        slice.prepareTestInstance(test);
        try {
            assertThat(test.jdbc.queryForObject("SELECT count(*) FROM it_item", Integer.class)).isZero();
        } finally {
            slice.getTestContext().markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
        }
    }

    abstract static class Slice {

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> Databases.jdbcUrl(db));
            registry.add("spring.datasource.username", () -> db.url().user());
            registry.add("matey.workspace", () -> ws.root().toString());
            // on this module's test class path, and refused on the database Matey checks
            registry.add("spring.flyway.enabled", () -> "false");
            registry.add("spring.liquibase.enabled", () -> "false");
        }
    }

    @DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    @ContextConfiguration(classes = MateyJpaOrderingTest.Entities.class)
    static class VerifyOnlySlice extends Slice {
    }

    @DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "matey.migrate-on-startup=true"})
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    @ContextConfiguration(classes = MateyJpaOrderingTest.Entities.class)
    static class MigratingSlice extends Slice {

        @Autowired
        JdbcTemplate jdbc;
    }
}
