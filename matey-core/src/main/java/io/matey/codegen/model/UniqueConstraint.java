package io.matey.codegen.model;

import java.util.List;

/** A unique constraint; {@code name} is null when the engine keeps none. */
public record UniqueConstraint(String name, List<String> columns) {
}
