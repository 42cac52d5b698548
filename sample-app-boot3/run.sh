#!/usr/bin/env bash
# Builds and runs the Matey sample app on Boot 3.5 (the sources of sample-app, built with matey-spring-boot3-starter)
# on http://localhost:8080 (SQLite file sample-app-boot3/matey-sample.sqlite3). The first build downloads the Boot 3.5
# dependencies. SPRING_PROFILES_ACTIVE=postgres or =mariadb runs it on a local server instead; arguments go to the
# app (e.g. --server.port=8081).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$repo" && ./mvnw -q -B -DskipTests -pl sample-app-boot3 -am package) >&2
cd "$repo/sample-app-boot3"
exec java -jar target/sample-app-boot3.jar "$@"
