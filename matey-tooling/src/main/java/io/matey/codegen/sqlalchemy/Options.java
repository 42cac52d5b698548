package io.matey.codegen.sqlalchemy;

import java.util.Set;

/**
 * The generator options that change SQLAlchemy output, named as sqlacodegen 4 names them (see the README's
 * <em>Generated models</em>).
 *
 * @param idSuffix  name a many-to-one relationship after its key column without {@code _id} (off: {@code noidsuffix})
 * @param fkNames   qualify the reverse side of one of several keys to one table with the key's name (off: {@code nofknames})
 * @param inflect   singular class names ({@code use_inflect})
 * @param bidi      relationships on both sides with {@code back_populates} (off: {@code nobidi})
 */
record Options(boolean indexes, boolean constraints, boolean comments, boolean idSuffix, boolean fkNames,
               boolean inflect, boolean bidi) {

    static Options of(Set<String> names) {
        return new Options(!names.contains("noindexes"), !names.contains("noconstraints"), !names.contains("nocomments"),
                !names.contains("noidsuffix"), !names.contains("nofknames"), names.contains("use_inflect"),
                !names.contains("nobidi"));
    }
}
