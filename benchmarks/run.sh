#!/usr/bin/env bash
# Builds what a benchmark needs and runs it:  benchmarks/run.sh <replay> [--runs N] [--migrations N]
# MATEY_BENCH_POSTGRES_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable);
# MATEY_BENCH_OFFLINE=1 builds with Maven offline (-o).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
name="${1:-}"
shift || true
case "$name" in
  replay) main=io.matey.bench.replay.ReplayBenchmark ;;
  *) echo "usage: benchmarks/run.sh replay [--runs N] [--migrations N]" >&2; exit 2 ;;
esac
cd "$root"
mvn_args=(-q -B -DskipTests)
if [ -n "${MATEY_BENCH_OFFLINE:-}" ]; then mvn_args+=(-o); fi
# build-classpath runs in the same reactor, so the classpath names this work tree's matey-core jar, not the
# shared ~/.m2 snapshot that builds in other work trees overwrite.
classpath="$root/benchmarks/target/classpath.txt"
./mvnw "${mvn_args[@]}" -pl benchmarks -am install dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$classpath"
exec java -cp "$root/benchmarks/target/classes:$(cat "$classpath")" "$main" "$@"
