#!/usr/bin/env bash
# Builds and runs the Matey sample app (Boot 4.1; sample-app-boot3 is the same app on Boot 3.5) on http://localhost:8080 (SQLite file sample-app/matey-sample.sqlite3).
# SPRING_PROFILES_ACTIVE=postgres or =mariadb runs it on a local server instead; arguments go to the app
# (e.g. --server.port=8081).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$repo" && ./mvnw -q -B -DskipTests -pl sample-app -am package) >&2
cd "$repo/sample-app"
exec java -jar target/sample-app.jar "$@"
