package io.matey.engine.postgres;

import io.matey.schema.DraftDialect;

/** PostgreSQL names every table constraint its dump writes ({@code CONSTRAINT name ...}) and drops it by that name. */
final class PostgresDraftDialect implements DraftDialect {

    @Override
    public boolean altersConstraints() {
        return true;
    }
}
