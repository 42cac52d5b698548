package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * JPA with {@code ddl-auto=validate} on PostgreSQL fails the start-up after Matey's verify-only check: the analysis
 * names the pending migrations as the cause and how to apply them, and stays silent when none was pending.
 */
class MateyPendingMigrationsFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aStartUpThatFailsAfterPendingMigrationsNamesThemAndHowToApplyThem() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            AtomicReference<BeanFactory> beanFactory = new AtomicReference<>();
            jpaValidating(db, ws).withInitializer(context -> beanFactory.set(context.getBeanFactory()))
                    .run(context -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis = analyzer(beanFactory.get(), ws).analyze(context.getStartupFailure());
                        String connection = "postgres://" + db.url().user() + "@" + db.url().host() + ":";
                        assertThat(analysis.getDescription()).startsWith("Matey found 1 pending migration(s) for "
                                + "target 'db/core' (" + connection).contains("(applied index 0 of 1); start-up failed "
                                + "after that: Schema").endsWith("validation: missing table [it_item]");
                        assertThat(analysis.getAction()).contains("set matey.migrate-on-startup=true",
                                "run `matey --workspace " + ws.root() + " db up --path db/core --url '" + connection);
                    });
        }
    }

    @Test
    void aStartUpThatFailsWithNothingPendingIsLeftToTheOtherAnalyzers() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_other.sql", ws.createTable("it_other"), "DROP TABLE it_other;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            AtomicReference<BeanFactory> beanFactory = new AtomicReference<>();
            jpaValidating(db, ws).withPropertyValues("matey.migrate-on-startup=true")
                    .withInitializer(context -> beanFactory.set(context.getBeanFactory()))
                    .run(context -> {
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("missing table [it_item]");
                        assertThat(analyzer(beanFactory.get(), ws).analyze(context.getStartupFailure())).isNull();
                    });
        }
    }

    private static ApplicationContextRunner jpaValidating(TestDatabase db, TestWorkspace ws) {
        MateyUrl url = db.url();
        return new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, BootLine.HIBERNATE_JPA, BootLine.TRANSACTION,
                        MateyAutoConfiguration.class))
                .withUserConfiguration(MateyJpaOrderingTest.Entities.class)
                .withPropertyValues("spring.datasource.url=" + Databases.jdbcUrl(db),
                        "spring.datasource.username=" + url.user(), "spring.jpa.hibernate.ddl-auto=validate",
                        "matey.workspace=" + ws.root());
    }

    private static MateyPendingMigrationsFailureAnalyzer analyzer(BeanFactory beanFactory, TestWorkspace ws) {
        return new MateyPendingMigrationsFailureAnalyzer(beanFactory,
                new MockEnvironment().withProperty("matey.workspace", ws.root().toString()));
    }
}
