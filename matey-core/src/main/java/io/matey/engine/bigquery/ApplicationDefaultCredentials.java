package io.matey.engine.bigquery;

import com.google.auth.oauth2.GoogleCredentials;
import io.matey.error.MateyException;
import java.io.IOException;

/**
 * Finds the Application Default Credentials a {@code bigquery://} target connects with before the client is built:
 * without them the client fails later with a bare NullPointerException (docs/architecture.md §3).
 */
final class ApplicationDefaultCredentials {

    private ApplicationDefaultCredentials() {
    }

    static GoogleCredentials of(BigQueryUrl url) {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new MateyException("Cannot connect to " + url + ": no Application Default Credentials found ("
                    + e.getMessage().lines().findFirst().orElse("") + "). Run `gcloud auth application-default login`,"
                    + " or set GOOGLE_APPLICATION_CREDENTIALS to a service account key file.", e);
        }
    }
}
