package io.matey.engine;

/**
 * A statement failed on a server-level object (a role or user), which no database holds: the server has it already
 * where the statement creates it, or objects of another database depend on it where the statement drops it. A
 * replay's scratch database on a test server shared with live databases meets the roles their migrations created
 * and the objects granted to them (docs/architecture.md §6), and a second live database on one server those of the
 * first.
 *
 * @param object     the object as the failure names it ({@code role "reporting"})
 * @param guard      how to create it only where it is missing, or drop it only where nothing depends on it, in the
 *                   engine's SQL
 * @param dependents whether the statement dropped it while another database's objects depend on it
 */
public record ServerObjectExists(String object, String guard, boolean dependents) {

    /** The object the server has already. */
    public ServerObjectExists(String object, String guard) {
        this(object, guard, false);
    }
}
