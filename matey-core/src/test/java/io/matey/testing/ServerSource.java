package io.matey.testing;

import java.util.function.BooleanSupplier;

/**
 * Where a server engine's test server comes from (docs/architecture.md §10): the entry's variable, else a container
 * where a Docker engine answers, else nowhere (the test is skipped, or fails under {@code MATEY_REQUIRE_ENGINES}).
 */
enum ServerSource {
    VARIABLE, CONTAINER, ABSENT;

    /**
     * The source for a variable's value ({@code null} when unset); Docker is asked only when the variable is missing,
     * since its probe can take seconds.
     */
    static ServerSource choose(String variableValue, BooleanSupplier dockerAnswers) {
        if (variableValue != null && !variableValue.isBlank()) {
            return VARIABLE;
        }
        return dockerAnswers.getAsBoolean() ? CONTAINER : ABSENT;
    }
}
