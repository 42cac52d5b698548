#!/usr/bin/env bash
# Measures the sample app's start-up time against a 100-table PostgreSQL schema with Matey's verification on,
# next to matey.enabled=false (StartupTimeMain). Needs a PostgreSQL server where databases may be created:
#   MATEY_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable' sample-app/startup-time.sh
set -euo pipefail
: "${MATEY_TEST_POSTGRES_URL:?set MATEY_TEST_POSTGRES_URL to a PostgreSQL server URL}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
./mvnw -q -B -DskipTests -pl sample-app -am install >&2
./mvnw -q -B -pl sample-app dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/startup-classpath.txt >&2
cd sample-app
own="target/test-classes:target/classes:../matey-spring-boot-autoconfigure/target/classes:../matey-core/target/classes:../matey-core/target/test-classes"
exec java -cp "$own:$(cat target/startup-classpath.txt)" io.matey.sample.StartupTimeMain
