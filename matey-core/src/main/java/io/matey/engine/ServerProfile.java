package io.matey.engine;

/**
 * What of a server and its database a dump depends on beyond the migrations, as {@code schema apply} records it for the
 * replay's scratch database in {@code schema.lock.toml} and live commands read it from the live database
 * (docs/architecture.md §4): MySQL/MariaDB's family, version and the database's default character set and collation.
 *
 * @param family    {@code mysql} or {@code mariadb}
 * @param version   major.minor ({@code 10.11})
 * @param charset   the database's default character set
 * @param collation the database's default collation
 */
public record ServerProfile(String family, String version, String charset, String collation) {

    /** Whether a database of {@code live}'s defaults gets what the migrations got in this one's. */
    public boolean sameDefaults(ServerProfile live) {
        return charset.equals(live.charset) && collation.equals(live.collation);
    }
}
