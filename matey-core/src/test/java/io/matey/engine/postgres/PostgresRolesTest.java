package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.Section;
import org.junit.jupiter.api.Test;

/** The roles an up section creates, as the lock records them (docs/architecture.md §6). */
class PostgresRolesTest {

    private static Section up(String sql) {
        return new Section("up", sql, 2, true, 1);
    }

    @Test
    void findsRolesCreatedByStatementsAndInDoBlocksInOrder() {
        assertThat(new PostgresRoles().namedByDumps(up("CREATE ROLE App_Reader LOGIN;\n"
                + "DO $$ BEGIN CREATE USER writer; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
                + "create group \"Mixed \"\"Case\"\"\";\nCREATE ROLE app_reader;\nGRANT app_reader TO writer;")))
                .containsExactly("app_reader", "writer", "Mixed \"Case\"");
    }

    @Test
    void leavesOutUserMappingsAndCommentedStatements() {
        assertThat(new PostgresRoles().namedByDumps(up("-- CREATE ROLE ops_only;\nCREATE TABLE t (id int);\n"
                + "CREATE USER MAPPING FOR CURRENT_USER SERVER s;\nCREATE ROLEX x;"))).isEmpty();
    }
}
