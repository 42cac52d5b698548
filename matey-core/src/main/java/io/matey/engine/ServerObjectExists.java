package io.matey.engine;

/**
 * A statement failed because the server already has the server-level object it creates (a role or user), which no
 * database holds: a replay's scratch database on a test server shared with live databases meets the roles their
 * migrations created (docs/architecture.md §6), and a second live database on one server those of the first.
 *
 * @param object the object as the failure names it ({@code role "reporting"})
 * @param guard  how to create it only where it is missing, in the engine's SQL
 */
public record ServerObjectExists(String object, String guard) {
}
