package io.matey.engine.postgres;

import io.matey.schema.DependencyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final Map<String, DumpObject> objects = new HashMap<>();
    private final Map<Row, DumpObject> owners = new HashMap<>();
    private final Map<Row, CommentTarget> commentTargets = new HashMap<>();
    private final Map<List<Row>, DumpObject> shells = new HashMap<>();
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

    /** Adds a dependency from {@code pg_depend}; rows outside the dump impose no order. */
    void depend(String catalog, long oid, String refCatalog, long refOid) {
        DumpObject dependent = owner(catalog, oid);
        if (dependent != null) {
            DumpObject shell = shells.get(List.of(new Row(catalog, oid, 0), new Row(refCatalog, refOid, 0)));
            dependent.dependOn(shell != null ? shell : owner(refCatalog, refOid));
        }
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
