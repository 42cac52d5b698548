package io.matey.codegen.model;

/** A check constraint: its expression as SQL text, without the {@code CHECK (...)} around it. */
public record CheckConstraint(String name, String expression) {
}
