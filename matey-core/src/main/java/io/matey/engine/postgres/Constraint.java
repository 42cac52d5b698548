package io.matey.engine.postgres;

/**
 * A constraint of a table or domain, with its definition from {@code pg_get_constraintdef}.
 *
 * @param type      {@code c} check, {@code f} foreign key, {@code p} primary key, {@code u} unique, {@code x} exclusion
 * @param inherited true when it comes from a parent table or partitioned table and is created with it there
 * @param indexOid  the index that a primary key, unique or exclusion constraint owns, else 0
 * @param loadedName for a partition's copy of its parent's key renamed since, the name a load gives it, else null
 */
record Constraint(long oid, long relid, long typid, String name, char type, String definition, boolean validated,
        boolean inherited, long indexOid, String loadedName) {

    /** As an element of CREATE TABLE / CREATE DOMAIN. */
    String element() {
        return "CONSTRAINT " + name + " " + definition;
    }
}
