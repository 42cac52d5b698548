package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator;
import io.matey.codegen.sqlalchemy.SqlModelGenerator;
import io.matey.codegen.sqlalchemy.TablesGenerator;
import io.matey.engine.EngineToolings;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sqlacodegen options that shape the class generators' relationships and names, each against the default
 * output, and the generated modules still configure their mappers in SQLAlchemy 2.
 */
class SqlAlchemyOptionsTest {

    private static SchemaModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSchema() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            db.execute("""
                    CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT CHECK (name IN ('a', 'b')));
                    CREATE TABLE categories (id INTEGER PRIMARY KEY);
                    CREATE TABLE transfers (
                      id INTEGER PRIMARY KEY,
                      sender_id INTEGER NOT NULL REFERENCES people (id),
                      receiver_id INTEGER REFERENCES people (id),
                      category_id INTEGER REFERENCES categories (id)
                    );
                    CREATE TABLE people_categories (
                      person_id INTEGER NOT NULL REFERENCES people (id),
                      category_id INTEGER NOT NULL REFERENCES categories (id),
                      PRIMARY KEY (person_id, category_id)
                    );
                    """);
            try (Connection connection = db.connect()) {
                db.engine().migrationTable().ensure(connection);
                model = EngineToolings.of(db.engine()).codegen().read(connection);
            }
        }
    }

    @Test
    void byDefaultRelationshipsAreNamedAfterKeyColumnsAndGoBothWays() throws Exception {
        String models = declarative(Set.of());
        assertThat(models).contains(
                "sender: Mapped['People'] = relationship('People', foreign_keys='[Transfers.sender_id]', back_populates='transfers_sender')",
                "transfers_sender: Mapped[List['Transfers']] = relationship('Transfers', foreign_keys='[Transfers.sender_id]', back_populates='sender')",
                "transfers_receiver: Mapped[List['Transfers']]",
                "category: Mapped[Optional['Categories']] = relationship('Categories', back_populates='transfers')",
                "people: Mapped[List['People']] = relationship('People', secondary='people_categories', back_populates='categories')",
                "categories: Mapped[List['Categories']] = relationship('Categories', secondary='people_categories', back_populates='people')",
                "class People(Base):", "class Transfers(Base):");
        loads(models);
    }

    @Test
    void noidsuffixNamesManyToOneRelationshipsAfterTheReferencedTable() throws Exception {
        String models = declarative(Set.of("noidsuffix"));
        assertThat(models).contains(
                "people: Mapped[Optional['People']] = relationship('People', foreign_keys='[Transfers.receiver_id]', back_populates='transfers_people')",
                "people_: Mapped['People'] = relationship('People', foreign_keys='[Transfers.sender_id]', back_populates='transfers_people_')",
                "categories: Mapped[Optional['Categories']] = relationship('Categories', back_populates='transfers')")
                .doesNotContain("sender:", "receiver:", "category:");
        loads(models);
    }

    @Test
    void nofknamesLeavesTheKeyOutOfReverseNames() throws Exception {
        String models = declarative(Set.of("nofknames"));
        assertThat(models).contains(
                "transfers: Mapped[List['Transfers']] = relationship('Transfers', foreign_keys='[Transfers.receiver_id]', back_populates='receiver')",
                "transfers_: Mapped[List['Transfers']] = relationship('Transfers', foreign_keys='[Transfers.sender_id]', back_populates='sender')",
                "sender: Mapped['People'] = relationship('People', foreign_keys='[Transfers.sender_id]', back_populates='transfers_')")
                .doesNotContain("transfers_sender", "transfers_receiver");
        loads(models);
    }

    @Test
    void nobidiKeepsOnlyTheManyToOneAndFirstManyToManySide() throws Exception {
        String models = declarative(Set.of("nobidi"));
        assertThat(models).contains(
                "sender: Mapped['People'] = relationship('People', foreign_keys='[Transfers.sender_id]')",
                "category: Mapped[Optional['Categories']] = relationship('Categories')",
                "people: Mapped[List['People']] = relationship('People', secondary='people_categories')")
                .doesNotContain("back_populates", "transfers_sender", "categories: Mapped[");
        loads(models);
        assertThat(new SqlModelGenerator(Set.of("nobidi")).render(model)).doesNotContain("back_populates")
                .contains("Relationship(");
    }

    @Test
    void useInflectGivesSingularClassNames() throws Exception {
        String models = declarative(Set.of("use_inflect"));
        assertThat(models).contains("class Person(Base):", "class Category(Base):", "class Transfer(Base):",
                "__tablename__ = 'people'", "sender: Mapped['Person'] = relationship('Person', foreign_keys='[Transfer.sender_id]'",
                "t_people_categories = Table(").doesNotContain("class People(", "class Transfers(");
        loads(models);
        assertThat(new SqlModelGenerator(Set.of("use_inflect")).render(model)).contains("class Person(SQLModel, table=True):");
    }

    @Test
    void theClassOptionsTogetherGiveDataclassesThatLoad() throws Exception {
        String models = new DeclarativeGenerator(Set.of("noidsuffix", "nofknames", "nobidi", "use_inflect"), true).render(model);
        assertThat(models).contains("class Person(Base):", "MappedAsDataclass")
                .doesNotContain("back_populates", "sender:");
        loads(models);
    }

    @Test
    void optionsThatTurnOffWhatMateyNeverGeneratesLeaveTheOutputAsItIs() {
        String plain = declarative(Set.of());
        assertThat(declarative(Set.of("nojoined", "nonativeenums", "nosyntheticenums"))).isEqualTo(plain);
        assertThat(plain).contains("CheckConstraint(\"name IN ('a', 'b')\")").doesNotContain("enum");
        assertThat(new TablesGenerator(Set.of("nonativeenums", "nosyntheticenums")).render(model))
                .isEqualTo(new TablesGenerator(Set.of()).render(model));
    }

    private static String declarative(Set<String> options) {
        return new DeclarativeGenerator(options, false).render(model);
    }

    /** Imports the module and configures every mapper, which resolves each relationship's names. */
    private void loads(String models) throws Exception {
        Path file = dir.resolve("models.py");
        Files.writeString(file, models);
        String out = Python.sqlAlchemy2().run(List.of("-c", """
                import importlib.util, sys
                spec = importlib.util.spec_from_file_location('models', sys.argv[1])
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                from sqlalchemy.orm import configure_mappers
                configure_mappers()
                print('ok')
                """, file.toString()));
        assertThat(out.strip()).isEqualTo("ok");
    }
}
