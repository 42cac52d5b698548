package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.ServerRole;
import io.matey.migration.Section;
import org.junit.jupiter.api.Test;

/** The accounts an up section creates, as the replay records them before it runs (docs/architecture.md §6). */
class MysqlAccountsTest {

    private static Section up(String sql) {
        return new Section("up", sql, 2, true, 1);
    }

    @Test
    void findsUsersAndRolesWithTheirHostsInOrder() {
        assertThat(new MysqlAccounts().creates(up("CREATE USER app_reader;\n"
                + "create user if not exists 'Writer'@'LocalHost' IDENTIFIED BY 'a,b''c', `o``dd`@`10.0.0.%`, "
                + "\"quoted\" WITH MAX_QUERIES_PER_HOUR 5;\n"
                + "CREATE OR REPLACE ROLE auditor WITH ADMIN app_reader;\n"
                + "CREATE PROCEDURE p() BEGIN CREATE USER inner_user@localhost; SELECT 1, 2; END;\n"
                + "GRANT auditor TO app_reader;")))
                .containsExactly(new ServerRole("app_reader", "%"), new ServerRole("Writer", "localhost"),
                        new ServerRole("o`dd", "10.0.0.%"), new ServerRole("quoted", "%"),
                        new ServerRole("auditor", ""), new ServerRole("inner_user", "localhost"));
    }

    @Test
    void leavesOutCommentedStatementsAndOtherCreates() {
        assertThat(new MysqlAccounts().creates(up("-- CREATE USER ops_only;\nCREATE TABLE user_t (id int);\n"
                + "CREATE USERS x;\nCREATE VIEW role AS SELECT 1;"))).isEmpty();
    }
}
