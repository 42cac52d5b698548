package io.matey.engine.mysql;

import io.matey.schema.DependencyOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The canonical MySQL/MariaDB schema of the connected database: sequences, tables (without foreign keys),
 * foreign keys, functions, procedures, views, triggers, events, each kind by name. The kind order is the load
 * order: tables may default to a sequence, views call functions when created, views come after the views they
 * read, and triggers after the triggers they follow. Statements end with {@code ;} and are separated by a
 * blank line; an empty database dumps as the empty string.
 */
final class MysqlSchemaDumper {

    private final Connection connection;
    private final String migrationsTable;
    private final Consumer<String> unloadable;

    /**
     * @param migrationsTable the table of applied versions, which the dump leaves to its migrations block
     * @param unloadable      told of what would not load again, for a report, which leaves it out ({@link
     *                        InvalidViews}); null: such a dump fails
     */
    MysqlSchemaDumper(Connection connection, String migrationsTable, Consumer<String> unloadable) {
        this.connection = connection;
        this.migrationsTable = migrationsTable;
        this.unloadable = unloadable;
    }

    String dump() throws SQLException {
        try (MysqlSession.Pinned canonical = MysqlSession.pin(connection)) {
            MysqlCatalog catalog = MysqlCatalog.read(connection, migrationsTable);
            Collations collations = Collations.read(connection);
            ShowCreate show = new ShowCreate(connection, catalog.database(), collations.defaults());
            List<String> statements = new ArrayList<>();
            for (String sequence : catalog.sequences()) {
                statements.add(show.sequence(sequence));
            }
            List<String> foreignKeys = new ArrayList<>();
            SpatialReferences srids = catalog.tables().isEmpty() ? null : SpatialReferences.read(connection);
            for (String table : catalog.tables()) {
                TableDefinition definition = TableDefinition.parse(table, show.table(table), collations, srids)
                        .requireForeignKeys(catalog.foreignKeysOf(table));
                statements.add(definition.createTable());
                definition.addForeignKeys().ifPresent(foreignKeys::add);
            }
            statements.addAll(foreignKeys);
            for (String function : catalog.functions()) {
                statements.add(show.function(function));
            }
            for (String procedure : catalog.procedures()) {
                statements.add(show.procedure(procedure));
            }
            statements.addAll(views(catalog, show));
            for (MysqlCatalog.Trigger trigger : triggersInFiringOrder(catalog.triggers())) {
                statements.add(DdlText.withoutQualifier(trigger.createStatement(show.triggerBody(trigger.name())), catalog.database()));
            }
            for (String event : catalog.events()) {
                String ddl = show.event(event);
                statements.add(catalog.clockStartedEvents().contains(event) ? DdlText.eventWithoutStarts(ddl) : ddl);
            }
            return render(statements);
        }
    }

    private record View(String name, String ddl) {
    }

    private List<String> views(MysqlCatalog catalog, ShowCreate show) throws SQLException {
        Set<String> invalid = InvalidViews.check(connection, catalog.database(), catalog.views(), unloadable);
        List<View> views = new ArrayList<>();
        for (String name : catalog.views()) {
            if (!invalid.contains(name)) {
                views.add(new View(name, show.view(name)));
            }
        }
        return DependencyOrder.sort(views, View::name, view -> viewsReadBy(view, views)).stream().map(View::ddl).toList();
    }

    /**
     * The server prints view bodies with every identifier quoted, so a view reads another when its quoted name
     * appears (column aliases, printed after {@code AS}, excepted). A stray match only adds an ordering
     * constraint.
     */
    private static Set<String> viewsReadBy(View view, List<View> candidates) {
        String body = view.ddl().substring(view.ddl().indexOf(" AS ") + 4);
        Set<String> names = new HashSet<>();
        for (View other : candidates) {
            Pattern reference = Pattern.compile("(?<!AS )" + Pattern.quote(Backticks.quote(other.name())));
            if (reference.matcher(body).find()) {
                names.add(other.name());
            }
        }
        return names;
    }

    /** Name order, except that a trigger comes after those the same table, timing and event fire before it. */
    private static List<MysqlCatalog.Trigger> triggersInFiringOrder(List<MysqlCatalog.Trigger> triggers) {
        return DependencyOrder.sort(triggers, MysqlCatalog.Trigger::name, trigger -> {
            Set<String> earlier = new HashSet<>();
            for (MysqlCatalog.Trigger other : triggers) {
                if (other.firesWith(trigger) && other.actionOrder() < trigger.actionOrder()) {
                    earlier.add(other.name());
                }
            }
            return earlier;
        });
    }

    private static String render(List<String> statements) {
        return String.join("\n", statements.stream().map(s -> s + ";\n").toList());
    }
}
