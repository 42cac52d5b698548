package io.matey.live;

import io.matey.MateyException;
import io.matey.engine.MateyUrl;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens the live database, telling a missing database apart from one that cannot be reached. */
final class LiveConnector {

    private LiveConnector() {
    }

    /** Creates the database when it is missing (a concurrent creator is fine); true when this call created it. */
    static boolean createIfMissing(LiveTarget target, String command) {
        if (exists(target, command)) {
            return false;
        }
        try {
            target.engine().createDatabase(target.url());
            return true;
        } catch (SQLException e) {
            // Several deploys may race to create it; PostgreSQL tells the losers with a unique violation.
            if (exists(target, command)) {
                return false;
            }
            throw new MateyException(command + " failed: cannot create live database " + target.url() + ": "
                    + MateyUrl.mask(e.getMessage()), e);
        }
    }

    /** Connects to a database that must exist; {@code db migrate} and the read-only commands never create one. */
    static Connection connect(LiveTarget target, String command) {
        if (!exists(target, command)) {
            throw new MateyException(command + " failed: live database " + target.url() + " does not exist. "
                    + "`matey db up` (or `db bootstrap`) creates it; `db migrate` never does.");
        }
        try {
            return target.engine().connect(target.url());
        } catch (SQLException e) {
            throw new MateyException(command + " failed: cannot connect to live database " + target.url() + ": "
                    + MateyUrl.mask(e.getMessage()), e);
        }
    }

    private static boolean exists(LiveTarget target, String command) {
        try {
            return target.engine().databaseExists(target.url());
        } catch (SQLException e) {
            throw new MateyException(command + " failed: cannot reach the server of " + target.url() + ": "
                    + MateyUrl.mask(e.getMessage()), e);
        }
    }
}
