package io.matey.testing;

/**
 * Whether a Docker engine answers, asked once per JVM. Modules whose tests use {@code io.matey.testing} without
 * Testcontainers on their classpath (test-scope dependencies of matey-core do not travel with its test-jar) have
 * no Docker as far as the tests go.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean answers() {
        return Once.ANSWERS;
    }

    /** Holder: the probe runs when a test first needs it, and only then. */
    private static final class Once {
        static final boolean ANSWERS = testcontainersPresent() && EngineContainers.dockerAnswers();
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DockerProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
