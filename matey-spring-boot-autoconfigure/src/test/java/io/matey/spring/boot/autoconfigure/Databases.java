package io.matey.spring.boot.autoconfigure;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;

/** The JDBC URL an application would configure for a test database given as a Matey URL. */
public final class Databases {

    private Databases() {
    }

    public static String jdbcUrl(TestDatabase db) {
        MateyUrl url = db.url();
        return switch (db.engine().id()) {
            case "sqlite" -> "jdbc:sqlite:" + url.path();
            case "postgres" -> "jdbc:postgresql://" + url.host() + ":" + (url.port() > 0 ? url.port() : 5432) + "/" + url.path();
            default -> "jdbc:mariadb://" + url.host() + ":" + (url.port() > 0 ? url.port() : 3306) + "/" + url.path();
        };
    }
}
