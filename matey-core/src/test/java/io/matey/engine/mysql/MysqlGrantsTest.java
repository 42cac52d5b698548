package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a line of {@code SHOW GRANTS} (as MariaDB 10.11 and 11.4 print them) is undone. */
class MysqlGrantsTest {

    @Test
    void revokesPrivilegesWithTheirGrantOption() {
        assertThat(new MysqlGrants().revoke("GRANT SELECT (`b c`, `a`), INSERT ON `db`.`t` TO `app`@`%` WITH GRANT OPTION"))
                .isEqualTo("REVOKE SELECT (`b c`, `a`), INSERT, GRANT OPTION ON `db`.`t` FROM `app`@`%`");
        assertThat(new MysqlGrants().revoke("GRANT PROCESS ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*B69027D44F6E'"))
                .isEqualTo("REVOKE PROCESS ON *.* FROM `app`@`%`");
    }

    @Test
    void revokesRolesAndTheDefaultRole() {
        assertThat(new MysqlGrants().revoke("GRANT `reader` TO `app`@`%` WITH ADMIN OPTION"))
                .isEqualTo("REVOKE `reader` FROM `app`@`%`");
        assertThat(new MysqlGrants().revoke("SET DEFAULT ROLE `reader` FOR `app`@`%`"))
                .isEqualTo("SET DEFAULT ROLE NONE FOR `app`@`%`");
    }

    @Test
    void usageGrantsNothingButItsGrantOption() {
        assertThat(new MysqlGrants().revoke("GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*B69027D44F6E'")).isNull();
        assertThat(new MysqlGrants().revoke("GRANT USAGE ON *.* TO `app`@`%` WITH GRANT OPTION"))
                .isEqualTo("REVOKE GRANT OPTION ON *.* FROM `app`@`%`");
    }
}
