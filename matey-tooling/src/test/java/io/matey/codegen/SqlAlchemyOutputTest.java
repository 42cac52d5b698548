package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.codegen.model.CheckConstraint;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.Index;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.model.UniqueConstraint;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator;
import io.matey.codegen.sqlalchemy.TablesGenerator;
import io.matey.engine.EngineToolings;
import io.matey.engine.Engines;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact shape of the SQLAlchemy output, its options, and the empty schema. */
class SqlAlchemyOutputTest {

    @Test
    void tablesOutputOfASmallSqliteSchemaIsExact() throws Exception {
        SchemaModel model = read("""
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name VARCHAR(40) DEFAULT 'it''s');
                CREATE TABLE orders (
                  id INTEGER PRIMARY KEY,
                  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                  total NUMERIC(10, 2) CONSTRAINT positive CHECK (total >= 0)
                );
                CREATE INDEX orders_user ON orders (user_id);
                CREATE VIEW totals AS SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;
                """);
        assertThat(new TablesGenerator(Set.of()).render(model)).isEqualTo("""
                from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, MetaData, Numeric, String, Table, Text, UniqueConstraint, text
                from sqlalchemy.types import NullType

                metadata = MetaData()


                t_orders = Table(
                    'orders', metadata,
                    Column('id', Integer, primary_key=True),
                    Column('user_id', Integer, ForeignKey('users.id', ondelete='CASCADE'), nullable=False),
                    Column('total', Numeric(10, 2)),
                    CheckConstraint('total >= 0', name='positive'),
                    Index('orders_user', 'user_id')
                )


                # Views: not on the tables' MetaData, so that create_all() creates no table for them.
                view_metadata = MetaData()


                t_totals = Table(
                    'totals', view_metadata,
                    Column('user_id', Integer),
                    Column('total', NullType)
                )


                t_users = Table(
                    'users', metadata,
                    Column('id', Integer, primary_key=True),
                    Column('email', Text, nullable=False),
                    Column('name', String(40), server_default=text("'it''s'")),
                    UniqueConstraint('email')
                )
                """);
    }

    @Test
    void declarativeOutputOfASmallSqliteSchemaIsExact() throws Exception {
        SchemaModel model = read("""
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), placed DATE);
                """);
        assertThat(new DeclarativeGenerator(Set.of(), false).render(model)).isEqualTo("""
                from typing import List, Optional
                import datetime

                from sqlalchemy import Date, ForeignKey, Integer, Text
                from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

                class Base(DeclarativeBase):
                    pass


                class Orders(Base):
                    __tablename__ = 'orders'

                    id: Mapped[int] = mapped_column(Integer, primary_key=True)
                    user_id: Mapped[int] = mapped_column(Integer, ForeignKey('users.id'))
                    placed: Mapped[Optional[datetime.date]] = mapped_column(Date)

                    user: Mapped['Users'] = relationship('Users', back_populates='orders')


                class Users(Base):
                    __tablename__ = 'users'

                    id: Mapped[int] = mapped_column(Integer, primary_key=True)
                    email: Mapped[str] = mapped_column(Text)

                    orders: Mapped[List['Orders']] = relationship('Orders', back_populates='user')
                """);
    }

    /**
     * A dataclass needs only what the database cannot fill in: the rowid key and the generated column are left out
     * of the constructor, nullable and defaulted columns default to None (JSON's None meaning SQL NULL, so the
     * default applies), relationships are optional; fields are keyword-only, so the columns keep the table's order.
     */
    @Test
    void dataclassesOutputOfASmallSqliteSchemaIsExact() throws Exception {
        SchemaModel model = read("""
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT DEFAULT 'anon',
                  settings JSON NOT NULL DEFAULT '{}');
                CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), placed DATE,
                  doubled INTEGER GENERATED ALWAYS AS (user_id * 2) VIRTUAL);
                """);
        assertThat(new DeclarativeGenerator(Set.of(), true).render(model)).isEqualTo("""
                from typing import List, Optional
                import datetime

                from sqlalchemy import Computed, Date, ForeignKey, Integer, JSON, Text, text
                from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship

                class Base(MappedAsDataclass, DeclarativeBase, kw_only=True):
                    pass


                class Orders(Base):
                    __tablename__ = 'orders'

                    id: Mapped[int] = mapped_column(Integer, primary_key=True, init=False)
                    user_id: Mapped[int] = mapped_column(Integer, ForeignKey('users.id'))
                    placed: Mapped[Optional[datetime.date]] = mapped_column(Date, default=None)
                    doubled: Mapped[Optional[int]] = mapped_column(Integer, Computed('user_id * 2', persisted=False), init=False)

                    user: Mapped['Users'] = relationship('Users', back_populates='orders', init=False)


                class Users(Base):
                    __tablename__ = 'users'

                    id: Mapped[int] = mapped_column(Integer, primary_key=True, init=False)
                    email: Mapped[str] = mapped_column(Text)
                    name: Mapped[Optional[str]] = mapped_column(Text, server_default=text("'anon'"), default=None)
                    settings: Mapped[dict] = mapped_column(JSON(none_as_null=True), server_default=text("'{}'"), default=None)

                    orders: Mapped[List['Orders']] = relationship('Orders', back_populates='user', default_factory=list)
                """);
    }

    /**
     * Only a rowid alias, which SQLite assigns when an insert leaves it out, is left out of a dataclass's
     * constructor: a rowid table's single-column key declared exactly INTEGER, and not DESC in the column definition
     * (as a table constraint it is). Each table's insert without the key shows what SQLite does.
     */
    @Test
    void onlyASqliteRowidAliasIsLeftOutOfADataclassConstructor() throws Exception {
        Map<String, Boolean> assigned = Map.of("clustered", false, "wide", false, "descending", false,
                "rowid_key", true, "descending_constraint", true, "ascending", true);
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            db.execute("""
                    CREATE TABLE clustered (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID;
                    CREATE TABLE wide (id INT PRIMARY KEY, v TEXT);
                    CREATE TABLE descending (id INTEGER PRIMARY KEY DESC, v TEXT);
                    CREATE TABLE rowid_key (id integer PRIMARY KEY, v TEXT);
                    CREATE TABLE descending_constraint (id INTEGER, v TEXT, PRIMARY KEY (id DESC));
                    CREATE TABLE ascending (id INTEGER PRIMARY KEY ASC, v TEXT);
                    """);
            String models;
            try (Connection connection = db.connect()) {
                db.engine().migrationTable().ensure(connection);
                models = new DeclarativeGenerator(Set.of(), true).render(EngineToolings.of(db.engine()).codegen().read(connection));
                for (Map.Entry<String, Boolean> table : assigned.entrySet()) {
                    assertThat(assignsKey(connection, table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
                }
            }
            for (Map.Entry<String, Boolean> table : assigned.entrySet()) {
                assertThat(models).as(table.getKey()).contains("    __tablename__ = '" + table.getKey() + "'\n"
                        + (table.getKey().equals("clustered") ? "    __table_args__ = {'sqlite_with_rowid': False}\n" : "") + "\n"
                        + "    id: Mapped[int] = mapped_column(Integer, primary_key=True"
                        + (table.getValue() ? ", init=False)\n" : ")\n"));
            }
        }
    }

    /** Whether SQLite fills in the key of a row inserted without one (a NOT NULL key refuses the insert). */
    private static boolean assignsKey(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try {
                st.execute("INSERT INTO " + table + " (v) VALUES ('x')");
            } catch (SQLException e) {
                return false;
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM " + table + " WHERE v = 'x'")) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    @Test
    void optionsDropIndexesConstraintsAndComments() {
        SchemaModel model = new SchemaModel(EngineToolings.of(Engines.byId("postgres")).codegen(), List.of(
                table("parents", List.of(), List.of(), List.of()),
                table("children", List.of(new ForeignKey("fk", List.of("parent_id"), null, "parents", List.of("id"), null, null)),
                        List.of(new UniqueConstraint("uq", List.of("name"))),
                        List.of(new Index("ix", false, List.of(Index.Part.column("name")), null, null, Map.of())))));
        for (String generator : List.of("tables", "declarative")) {
            String full = render(generator, model, Set.of());
            assertThat(full).contains("ForeignKey('parents.id', name='fk')", "UniqueConstraint('name', name='uq')",
                    "CheckConstraint('id > 0', name='ck')", "Index('ix', 'name')", "comment='Why it exists'", "'A table'",
                    // a plain integer key: without it, create_all on PostgreSQL would make it SERIAL
                    "primary_key=True, autoincrement=False");
            String bare = render(generator, model, Set.of("noindexes", "noconstraints", "nocomments"));
            assertThat(bare).doesNotContain("ForeignKey", "UniqueConstraint", "CheckConstraint", "Index(", "comment",
                    "'A table'", "relationship(").contains("primary_key=True");
        }
    }

    @Test
    void anEmptySchemaGivesAFileThatSaysSo() throws Exception {
        SchemaModel model = read("");
        assertThat(model.tables()).isEmpty();
        assertThat(new TablesGenerator(Set.of()).render(model)).isEqualTo("# No user tables or views reflected.\n");
        assertThat(new DeclarativeGenerator(Set.of(), false).render(model)).isEqualTo("# No user tables or views reflected.\n");
    }

    @Test
    void namesThatAreNotPythonIdentifiersAreMappedExplicitly() throws Exception {
        SchemaModel model = read("""
                CREATE TABLE "order items" ("class" TEXT, "metadata" TEXT, "2nd" INTEGER, id INTEGER PRIMARY KEY);
                CREATE TABLE "Table" (id INTEGER PRIMARY KEY);
                """);
        String declarative = new DeclarativeGenerator(Set.of(), false).render(model);
        assertThat(declarative).contains("class OrderItems(Base):", "__tablename__ = 'order items'",
                "class_: Mapped[Optional[str]] = mapped_column('class', Text)",
                "metadata_: Mapped[Optional[str]] = mapped_column('metadata', Text)",
                "_2nd: Mapped[Optional[int]] = mapped_column('2nd', Integer)", "class Table_(Base):");
        assertThat(new TablesGenerator(Set.of()).render(model)).contains("t_order_items = Table(", "t_Table = Table(");
    }

    private static String render(String generator, SchemaModel model, Set<String> options) {
        return generator.equals("tables") ? new TablesGenerator(options).render(model)
                : new DeclarativeGenerator(options, false).render(model);
    }

    private static Table table(String name, List<ForeignKey> keys, List<UniqueConstraint> uniques, List<Index> indexes) {
        ColumnType integer = ColumnType.of("int4", "integer");
        List<Column> columns = List.of(
                new Column("id", integer, false, null, null, false, null, null, "Why it exists"),
                new Column("parent_id", integer, true, null, null, false, null, null, null),
                new Column("name", ColumnType.of("text", "text"), true, null, null, false, null, null, null));
        return new Table(null, name, false, "A table", columns, List.of("id"), keys, uniques,
                List.of(new CheckConstraint("ck", "id > 0")), indexes);
    }

    private static SchemaModel read(String ddl) throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            if (!ddl.isBlank()) {
                db.execute(ddl);
            }
            try (Connection connection = db.connect()) {
                db.engine().migrationTable().ensure(connection);
                return EngineToolings.of(db.engine()).codegen().read(connection);
            }
        }
    }
}
