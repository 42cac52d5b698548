#!/usr/bin/env bash
# Runs the whole test suite against real engines: SQLite (embedded), PostgreSQL, MariaDB and the ClickHouse
# test server (started here).
set -euo pipefail
cd "$(dirname "$0")/.."
export MATEY_CLICKHOUSE_PORT="${MATEY_CLICKHOUSE_PORT:-18123}"
export MATEY_CLICKHOUSE_PASSWORD="${MATEY_CLICKHOUSE_PASSWORD-matey-test}"
scripts/services.sh
export MATEY_TEST_POSTGRES_URL="${MATEY_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
export MATEY_TEST_MYSQL_URL="${MATEY_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/test}"
export MATEY_TEST_CLICKHOUSE_URL="${MATEY_TEST_CLICKHOUSE_URL:-clickhouse://default:$MATEY_CLICKHOUSE_PASSWORD@127.0.0.1:$MATEY_CLICKHOUSE_PORT/default}"
export MATEY_TEST_MYSQL_OTHER_URL="${MATEY_TEST_MYSQL_OTHER_URL:-mysql://root@127.0.0.1:3307/test}"
export MATEY_REQUIRE_ENGINES="${MATEY_REQUIRE_ENGINES:-sqlite,postgres,mysql,mysql-other,clickhouse}"
export MATEY_TEST_PYTHON="${MATEY_TEST_PYTHON:-$PWD/.tools/sqlalchemy2/bin/python}"
exec ./mvnw -B verify "$@"
