package io.matey.engine.postgres;

import io.matey.schema.DependencyOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one dump and the catalog rows each one stands for. Readers register rows (a table's row
 * type, its column defaults, its constraints, ...) with the object that creates them, so that the catalog's
 * dependencies and comments, which name rows by OID, can be resolved to objects; OIDs never reach the output.
 */
final class DumpGraph {

    /**
     * A catalog row, a map key. Its equals and hashCode are written out: a record's generated ones are linked on
     * first use in every process, which cost a PostgreSQL command's dump more than the lookups themselves.
     */
    private record Row(String catalog, long oid, int subId) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && row.oid == oid && row.subId == subId && row.catalog.equals(catalog);
        }

        @Override
        public int hashCode() {
            return (catalog.hashCode() * 31 + Long.hashCode(oid)) * 31 + subId;
        }
    }

    private record CommentTarget(DumpObject owner, String order, String target) {
    }

    /**
     * A part of its owner's statements (a column default, a CHECK constraint) that can be written alone after it,
     * {@code statement}, and the objects its own catalog row depends on. A generated column's expression, which
     * PostgreSQL sets only with its column, has no statement: it calls placeholders instead ({@link #breakCycles}).
     */
    private record Part(DumpObject owner, String name, String statement, List<DumpObject> references) {
    }

    private final Map<String, DumpObject> objects = new HashMap<>();
    private final Map<Row, DumpObject> owners = new HashMap<>();
    private final Map<Row, CommentTarget> commentTargets = new HashMap<>();
    private final Map<List<Row>, DumpObject> shells = new HashMap<>();
    private final Map<Row, Part> parts = new LinkedHashMap<>();
    private final Set<Row> detached = new HashSet<>();
    private final Map<Row, Row> dependents = new HashMap<>();
    private final Map<DumpObject, String> placeholderStatements = new HashMap<>();
    private final Map<DumpObject, DumpObject> placeholders = new HashMap<>();
    private DumpObject publicSchema;

    DumpObject create(Kind kind, String name) {
        DumpObject object = new DumpObject(kind.key(name));
        if (objects.putIfAbsent(object.key(), object) != null) {
            throw new IllegalStateException("Two catalog objects render as " + object.key());
        }
        return object;
    }

    /** Records that a catalog row is created by {@code owner}; OID 0 (a reader's "none") is ignored. */
    void own(String catalog, long oid, DumpObject owner) {
        if (oid != 0) {
            owners.put(new Row(catalog, oid, 0), owner);
        }
    }

    /** The object that creates a catalog row, or null when the dump does not contain it. */
    DumpObject owner(String catalog, long oid) {
        return owners.get(new Row(catalog, oid, 0));
    }

    /** Owns the row and lets it carry a comment, rendered as {@code COMMENT ON <target>} first among the owner's. */
    void register(String catalog, long oid, DumpObject owner, String target) {
        own(catalog, oid, owner);
        commentable(catalog, oid, 0, owner, "0", target);
    }

    /** Lets a row (or a column: {@code subId} = attnum) carry a comment rendered with the owner's statements. */
    void commentable(String catalog, long oid, int subId, DumpObject owner, String order, String target) {
        commentTargets.put(new Row(catalog, oid, subId), new CommentTarget(owner, order, target));
    }

    /** Adds a comment from {@code pg_description}; comments on rows outside the dump are not part of it. */
    void comment(String catalog, long oid, int subId, String literal) {
        CommentTarget target = commentTargets.get(new Row(catalog, oid, subId));
        if (target != null) {
            target.owner().comment(target.order(), target.target(), literal);
        }
    }

    /**
     * Makes row {@code oid}'s dependency on row {@code refOid} one on {@code shell}, which creates the referenced
     * row as a placeholder: a base type's I/O functions need only its shell, and the full type needs them.
     */
    void dependOnShell(String catalog, long oid, String refCatalog, long refOid, DumpObject shell) {
        if (oid != 0) {
            shells.put(List.of(new Row(catalog, oid, 0), new Row(refCatalog, refOid, 0)), shell);
        }
    }

    /**
     * Records that row {@code oid}, owned by {@code owner}, is written among its statements, or as {@code statement}
     * (without its semicolon) after it where {@link #breakCycles} detaches it; {@code name} tells it from the owner's
     * other parts.
     */
    void detachable(String catalog, long oid, DumpObject owner, String name, String statement) {
        own(catalog, oid, owner);
        parts.put(new Row(catalog, oid, 0), new Part(owner, name, statement, new ArrayList<>()));
    }

    /**
     * Records that row {@code oid}, owned by {@code owner}, is a generated column's expression, which stays in its
     * column and, where it closes a cycle, calls placeholders of the functions that close it ({@link #breakCycles}).
     */
    void generation(String catalog, long oid, DumpObject owner) {
        own(catalog, oid, owner);
        parts.put(new Row(catalog, oid, 0), new Part(owner, null, null, new ArrayList<>()));
    }

    /**
     * Records {@code statement}, which creates a stand-in for {@code function}: its signature, {@code IMMUTABLE} as a
     * generation expression needs, and a body reading nothing, which the function's own {@code CREATE OR REPLACE}
     * replaces in place (same OID, so what calls it keeps calling it).
     */
    void placeholder(DumpObject function, String statement) {
        placeholderStatements.put(function, statement);
    }

    /** Whether the owner of row {@code oid} leaves it to a statement of its own ({@link #breakCycles}). */
    boolean detached(String catalog, long oid) {
        return detached.contains(new Row(catalog, oid, 0));
    }

    /** Makes what row {@code oid} depends on what row {@code asOid} depends on (an exclusion constraint's index). */
    void dependsAs(String catalog, long oid, String asCatalog, long asOid) {
        dependents.put(new Row(catalog, oid, 0), new Row(asCatalog, asOid, 0));
    }

    /** Adds a dependency from {@code pg_depend}; rows outside the dump impose no order. */
    void depend(String catalog, long oid, String refCatalog, long refOid) {
        Row row = dependents.getOrDefault(new Row(catalog, oid, 0), new Row(catalog, oid, 0));
        DumpObject dependent = owners.get(row);
        if (dependent != null) {
            DumpObject shell = shells.get(List.of(row, new Row(refCatalog, refOid, 0)));
            DumpObject referenced = shell != null ? shell : owner(refCatalog, refOid);
            Part part = parts.get(row);
            if (part == null) {
                dependent.dependOn(referenced);
            } else if (referenced != null && referenced != dependent) {
                part.references().add(referenced);
            }
        }
    }

    /**
     * Breaks the cycles that a part of an object closes, as pg_dump does: a part (a column default, a CHECK
     * constraint of a table or domain) that references an object which depends on the part's owner, such as a
     * {@code BEGIN ATOMIC} function reading the table whose default calls it, is written after both as a statement
     * of its own ({@code ALTER TABLE ... SET DEFAULT}, {@code ADD CONSTRAINT}), and stays its owner's otherwise, so
     * only dumps that would not load change (docs/architecture.md §5); a generated column's expression calls
     * placeholders instead ({@link #callPlaceholders}). Whether a part closes a cycle is decided with
     * every part in its owner, so a load, whose catalog holds the same dependencies, decides alike.
     */
    void breakCycles() {
        Map<DumpObject, List<DumpObject>> partReferences = new HashMap<>();
        parts.values().forEach(part -> partReferences.computeIfAbsent(part.owner(), k -> new ArrayList<>())
                .addAll(part.references()));
        List<Map.Entry<Row, Part>> closing = new ArrayList<>();
        for (Map.Entry<Row, Part> entry : parts.entrySet()) {
            Part part = entry.getValue();
            for (DumpObject referenced : part.references()) {
                if (reaches(referenced, part.owner(), partReferences)) {
                    closing.add(entry);
                    break;
                }
            }
        }
        for (Map.Entry<Row, Part> entry : closing) {
            Part part = entry.getValue();
            if (part.statement() == null) {
                callPlaceholders(part, partReferences);
                continue;
            }
            DumpObject alone = new DumpObject(part.owner().key() + " " + part.name());
            objects.put(alone.key(), alone);
            alone.add(part.statement());
            alone.dependOn(part.owner());
            part.references().forEach(alone::dependOn);
            owners.put(entry.getKey(), alone);
            CommentTarget comment = commentTargets.get(entry.getKey());
            if (comment != null) {
                commentTargets.put(entry.getKey(), new CommentTarget(alone, comment.order(), comment.target()));
            }
            detached.add(entry.getKey());
        }
        for (Map.Entry<Row, Part> entry : parts.entrySet()) {
            if (!detached.contains(entry.getKey())) {
                entry.getValue().references().forEach(entry.getValue().owner()::dependOn);
            }
        }
    }

    /**
     * Points a generated column's dependencies on functions that depend on its table at their placeholders, written
     * before the table (the functions follow it and replace them): PostgreSQL sets a generation expression only with
     * its column, and adding the column after the function would put it last, where a migrated table may hold it
     * elsewhere (docs/architecture.md §5). A function without a placeholder leaves the cycle unbroken.
     */
    private void callPlaceholders(Part part, Map<DumpObject, List<DumpObject>> partReferences) {
        List<DumpObject> references = part.references();
        for (int i = 0; i < references.size(); i++) {
            DumpObject function = references.get(i);
            String statement = placeholderStatements.get(function);
            if (statement != null && reaches(function, part.owner(), partReferences)) {
                DumpObject placeholder = placeholders.get(function);
                if (placeholder == null) {
                    placeholder = new DumpObject(function.key() + " placeholder");
                    placeholder.add(statement);
                    // what the signature needs; the body's tables come after it
                    for (String key : function.dependencies()) {
                        DumpObject dependency = objects.get(key);
                        if (dependency != null && !reaches(dependency, part.owner(), partReferences)) {
                            placeholder.dependOn(dependency);
                        }
                    }
                    objects.put(placeholder.key(), placeholder);
                    placeholders.put(function, placeholder);
                    function.dependOn(placeholder);
                }
                references.set(i, placeholder);
            }
        }
    }

    /**
     * Whether {@code target} is among the objects {@code from} depends on, directly or not, with what each object's
     * parts reference ({@code partReferences}).
     */
    private boolean reaches(DumpObject from, DumpObject target, Map<DumpObject, List<DumpObject>> partReferences) {
        Set<DumpObject> seen = new HashSet<>();
        Deque<DumpObject> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            DumpObject object = next.pop();
            if (object == target) {
                return true;
            }
            if (seen.add(object)) {
                for (String key : object.dependencies()) {
                    DumpObject dependency = objects.get(key);
                    if (dependency != null) {
                        next.push(dependency);
                    }
                }
                next.addAll(partReferences.getOrDefault(object, List.of()));
            }
        }
        return false;
    }

    /**
     * The {@code public} schema, which every database has and the dump does not create: the object its comment and
     * privileges stand in alone.
     */
    DumpObject publicSchema() {
        if (publicSchema == null) {
            publicSchema = create(Kind.SCHEMA, "public");
        }
        return publicSchema;
    }

    /**
     * Adds a row's {@code ALTER ... DEPENDS ON EXTENSION}, the row named as its comment is; a row outside the dump
     * has none.
     */
    void dependOnExtension(String catalog, long oid, long extensionOid) {
        CommentTarget target = commentTargets.get(new Row(catalog, oid, 0));
        CommentTarget extension = commentTargets.get(new Row("pg_extension", extensionOid, 0));
        if (target != null && extension != null) {
            target.owner().dependOn(extension.owner());
            target.owner().extensionDependency("ALTER " + target.target() + " DEPENDS ON " + extension.target());
        }
    }

    /** The statements of all objects, dependencies first, otherwise by kind and name, one blank line apart. */
    String render() {
        List<String> statements = new ArrayList<>();
        // a lambda of its own, not Comparator.comparing, which every process would spin (docs/architecture.md §8)
        List<DumpObject> byKey = new ArrayList<>(objects.values());
        byKey.sort((a, b) -> a.key().compareTo(b.key()));
        for (DumpObject object : DependencyOrder.sort(byKey, DumpObject::key, DumpObject::dependencies)) {
            statements.addAll(object.statements());
        }
        return String.join("\n", statements);
    }
}
