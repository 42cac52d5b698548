package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * A DataSource that logs in with a password (a PostgreSQL role of its own): the commands Matey prints for the user
 * to paste (the pending WARN, the pending-migrations analysis) say where the password goes, never what it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordPlaceholderTest {

    private static final String ROLE = "bootfix_pw_app";
    private static final String PASSWORD = "bootfix-s3cret";

    @TempDir
    Path dir;

    @Test
    void commandsForADataSourceWithAPasswordHaveThePlaceholder(CapturedOutput output) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        try (TestDatabase admin = TestDatabase.create("postgres")) {
            admin.execute("DROP ROLE IF EXISTS " + ROLE);
            admin.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            try (TestDatabase db = TestDatabase.create("postgres")) {
                db.execute("ALTER DATABASE " + db.url().path() + " OWNER TO " + ROLE);
                db.execute("ALTER SCHEMA public OWNER TO " + ROLE);
                AtomicReference<BeanFactory> beanFactory = new AtomicReference<>();
                String pasteable = "--url 'postgres://" + ROLE + ":<password>@" + db.url().host() + ":";
                new ApplicationContextRunner()
                        .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, BootLine.HIBERNATE_JPA,
                                BootLine.TRANSACTION, MateyAutoConfiguration.class))
                        .withUserConfiguration(MateyJpaOrderingTest.Entities.class)
                        .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                                "spring.datasource.username=" + ROLE, "spring.datasource.password=" + PASSWORD,
                                "spring.jpa.hibernate.ddl-auto=validate", "matey.workspace=" + ws.root())
                        .withInitializer(context -> beanFactory.set(context.getBeanFactory()))
                        .run(context -> {
                            FailureAnalysis analysis = new MateyPendingMigrationsFailureAnalyzer(beanFactory.get(),
                                    new MockEnvironment()).analyze(context.getStartupFailure());
                            assertThat(analysis.getDescription()).contains("(postgres://" + ROLE + ":****@")
                                    .doesNotContain(PASSWORD);
                            assertThat(analysis.getAction()).contains(pasteable).doesNotContain(PASSWORD);
                        });
                assertThat(output).contains("1 migration(s) pending", pasteable).doesNotContain(PASSWORD);
            } finally {
                admin.execute("DROP ROLE IF EXISTS " + ROLE);
            }
        }
    }
}
