package io.matey.engine.mysql;

/**
 * The engine contract on the second MySQL/MariaDB server ({@code mysql-other}, another version with another
 * default collation), with the MySQL fixtures.
 */
class MysqlOtherServerEngineContractTest extends MysqlEngineContractTest {

    @Override
    protected String engine() {
        return "mysql-other";
    }
}
