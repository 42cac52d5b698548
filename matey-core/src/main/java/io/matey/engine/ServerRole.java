package io.matey.engine;

/**
 * A role or user of a database server: PostgreSQL's roles (no host), MySQL/MariaDB's accounts ({@code 'name'@'host'};
 * a MariaDB role has an empty host).
 */
public record ServerRole(String name, String host) {

    /** How messages name it: {@code walk_reader}, {@code 'walk'@'%'}. */
    @Override
    public String toString() {
        return host == null ? name : "'" + name + "'@'" + host + "'";
    }
}
