package io.matey.codegen.sqlalchemy;

import java.util.Set;

/** The generator options that change SQLAlchemy output. */
record Options(boolean indexes, boolean constraints, boolean comments) {

    static Options of(Set<String> names) {
        return new Options(!names.contains("noindexes"), !names.contains("noconstraints"), !names.contains("nocomments"));
    }
}
