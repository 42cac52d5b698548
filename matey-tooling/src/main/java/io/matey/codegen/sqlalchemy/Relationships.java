package io.matey.codegen.sqlalchemy;

import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator.MappedClass;
import io.matey.codegen.sqlalchemy.DeclarativeGenerator.Mapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Relationships from foreign keys between mapped classes: many-to-one on the referencing class and one-to-many
 * (one-to-one when the key columns are unique) back on the referenced one; many-to-many through association
 * tables. Names follow sqlacodegen's rules: the key column without {@code _id}, else the referenced table;
 * the referencing table on the way back, with {@code _reverse} for a table that refers to itself, and with the
 * forward name appended when several keys lead to the same table. Options: {@code noidsuffix} names the forward
 * side after the referenced table, {@code nofknames} leaves that append out (a repeat then gets {@code _}), and
 * {@code nobidi} keeps only the many-to-one side (and the first side of a many-to-many), without
 * {@code back_populates}.
 */
final class Relationships {

    enum Kind { ONE, OPTIONAL_ONE, MANY }

    /**
     * @param target    the class the attribute holds
     * @param arguments the arguments of {@code relationship(...)}
     */
    record Relationship(String attribute, Kind kind, String target, List<String> arguments) {
    }

    private final Map<MappedClass, List<Relationship>> byClass = new LinkedHashMap<>();
    private final Options options;

    private Relationships(Options options) {
        this.options = options;
    }

    static Relationships none() {
        return new Relationships(null);
    }

    List<Relationship> of(MappedClass mapped) {
        return byClass.getOrDefault(mapped, List.of());
    }

    /** A table that only links two other tables: exactly two foreign keys covering all its columns. */
    static boolean isAssociation(SchemaModel model, Table table) {
        if (table.view() || table.foreignKeys().size() != 2) {
            return false;
        }
        Set<String> covered = new HashSet<>();
        Set<Table> targets = new HashSet<>();
        for (ForeignKey fk : table.foreignKeys()) {
            covered.addAll(fk.columns());
            Table target = model.find(fk.refSchema(), fk.refTable());
            if (target == null || target.view() || target.primaryKey().isEmpty() || target == table) {
                return false;
            }
            targets.add(target);
        }
        return targets.size() == 2 && covered.size() == table.columns().size();
    }

    static Relationships of(SchemaModel model, Mapping mapping, Options options) {
        Relationships result = new Relationships(options);
        for (MappedClass child : mapping.classes().values()) {
            List<ForeignKey> keys = child.table().foreignKeys().stream()
                    .sorted(Comparator.comparing((ForeignKey fk) -> String.join(",", fk.columns()))).toList();
            for (ForeignKey fk : keys) {
                MappedClass parent = mapping.classes().get(model.find(fk.refSchema(), fk.refTable()));
                if (parent != null) {
                    boolean ambiguous = keys.stream().filter(k -> k.refTable().equals(fk.refTable())
                            && java.util.Objects.equals(k.refSchema(), fk.refSchema())).count() > 1;
                    result.addPair(child, parent, fk, ambiguous);
                }
            }
        }
        for (Table table : model.tables()) {
            if (mapping.tables().containsKey(table) && isAssociation(model, table)) {
                result.addManyToMany(model, mapping, table);
            }
        }
        return result;
    }

    private void addPair(MappedClass child, MappedClass parent, ForeignKey fk, boolean ambiguous) {
        boolean self = child == parent;
        String forward = child.names().claim(forwardName(fk));
        List<String> forwardArgs = new ArrayList<>(List.of(Py.str(parent.name())));
        boolean optional = fk.columns().stream().anyMatch(c -> child.table().column(c).nullable());
        if (ambiguous || self) {
            forwardArgs.add("foreign_keys=" + Py.str(attributes(child, fk.columns())));
        }
        if (self) {
            forwardArgs.add("remote_side=" + Py.str(attributes(parent, fk.refColumns())));
        }
        if (!options.bidi()) {
            add(child, new Relationship(forward, optional ? Kind.OPTIONAL_ONE : Kind.ONE, parent.name(), forwardArgs));
            return;
        }
        String backBase = self ? forward + "_reverse" : Py.identifier(child.table().name()).toLowerCase(Locale.ROOT);
        if (ambiguous && !self && options.fkNames()) {
            backBase = backBase + "_" + forward;
        }
        String back = parent.names().claim(backBase);
        boolean oneToOne = child.table().isUnique(fk.columns());
        List<String> backArgs = new ArrayList<>(List.of(Py.str(child.name())));
        if (oneToOne) {
            backArgs.add("uselist=False");
        }
        if (ambiguous || self) {
            backArgs.add("foreign_keys=" + Py.str(attributes(child, fk.columns())));
        }
        forwardArgs.add("back_populates=" + Py.str(back));
        backArgs.add("back_populates=" + Py.str(forward));
        add(child, new Relationship(forward, optional ? Kind.OPTIONAL_ONE : Kind.ONE, parent.name(), forwardArgs));
        add(parent, new Relationship(back, oneToOne ? Kind.OPTIONAL_ONE : Kind.MANY, child.name(), backArgs));
    }

    private void addManyToMany(SchemaModel model, Mapping mapping, Table association) {
        List<ForeignKey> keys = association.foreignKeys().stream()
                .sorted(Comparator.comparing((ForeignKey fk) -> String.join(",", fk.columns()))).toList();
        MappedClass first = mapping.classes().get(model.find(keys.get(0).refSchema(), keys.get(0).refTable()));
        MappedClass second = mapping.classes().get(model.find(keys.get(1).refSchema(), keys.get(1).refTable()));
        if (first == null || second == null) {
            return;
        }
        String secondary = Py.str((association.schema() == null ? "" : association.schema() + ".") + association.name());
        String onFirst = first.names().claim(Py.identifier(second.table().name()).toLowerCase(Locale.ROOT));
        if (!options.bidi()) {
            add(first, new Relationship(onFirst, Kind.MANY, second.name(), List.of(Py.str(second.name()),
                    "secondary=" + secondary)));
            return;
        }
        String onSecond = second.names().claim(Py.identifier(first.table().name()).toLowerCase(Locale.ROOT));
        add(first, new Relationship(onFirst, Kind.MANY, second.name(), List.of(Py.str(second.name()),
                "secondary=" + secondary, "back_populates=" + Py.str(onSecond))));
        add(second, new Relationship(onSecond, Kind.MANY, first.name(), List.of(Py.str(first.name()),
                "secondary=" + secondary, "back_populates=" + Py.str(onFirst))));
    }

    /** {@code user_id} → {@code user}; otherwise (or with {@code noidsuffix}) the referenced table. */
    private String forwardName(ForeignKey fk) {
        if (options.idSuffix() && fk.columns().size() == 1) {
            String column = fk.columns().get(0);
            if (column.length() > 3 && column.toLowerCase(Locale.ROOT).endsWith("_id")) {
                return Py.identifier(column.substring(0, column.length() - 3));
            }
        }
        return Py.identifier(fk.refTable()).toLowerCase(Locale.ROOT);
    }

    /** {@code '[Orders.user_id]'}: evaluated by SQLAlchemy once every class exists. */
    private static String attributes(MappedClass mapped, List<String> columns) {
        return columns.stream().map(c -> mapped.name() + "." + mapped.attributes().get(c))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private void add(MappedClass mapped, Relationship relationship) {
        byClass.computeIfAbsent(mapped, k -> new ArrayList<>()).add(relationship);
    }
}
