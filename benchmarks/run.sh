#!/usr/bin/env bash
# Builds what a benchmark needs and runs it:  benchmarks/run.sh <replay|db-up|startup|data-apply|scale|bulk|lint> [options]
# MATEY_BENCH_POSTGRES_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable);
# MATEY_BENCH_OFFLINE=1 builds with Maven offline (-o).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
name="${1:-}"
shift || true
case "$name" in
  replay) main=io.matey.bench.replay.ReplayBenchmark ;;
  db-up) main=io.matey.bench.live.DbUpBenchmark ;;
  startup) main=io.matey.bench.startup.StartupBenchmark ;;
  scale) main=io.matey.bench.scale.ScaleBenchmark ;;
  bulk) main=io.matey.bench.scale.BulkBenchmark ;;
  lint) main=io.matey.bench.lint.LintBenchmark ;;
  data-apply) main=io.matey.bench.data.DataApplyBenchmark
    export MATEY_TEST_POSTGRES_URL="${MATEY_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
    export MATEY_TEST_MYSQL_URL="${MATEY_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/test}" ;;
  *) echo "usage: benchmarks/run.sh replay|db-up [--runs N] [--migrations N] | startup [--runs N] | data-apply [rows] [engines...] | scale [--migrations N] [--lengths A,B,C] [--big-mib N] [--heap SIZE] | bulk [--big-mib N] [--heap SIZE] | lint [--runs N] [--migrations N] [--bulk N] [--bulk-mib N] [--engine E] [--keep DIR]" >&2; exit 2 ;;
esac
cd "$root"
mvn_args=(-q -B -DskipTests)
if [ -n "${MATEY_BENCH_OFFLINE:-}" ]; then mvn_args+=(-o); fi
# build-classpath runs in the same reactor, so the classpath names this work tree's matey-core jar, not the
# shared ~/.m2 snapshot that builds in other work trees overwrite.
classpath="$root/benchmarks/target/classpath.txt"
./mvnw "${mvn_args[@]}" -pl benchmarks -am package dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$classpath"
if [ "$name" = db-up ] || [ "$name" = startup ]; then
  # dbmate 2 from npm into the git-ignored .tools/; its native binary is timed, not the node wrapper.
  if [ ! -x "$root/.tools/dbmate/node_modules/.bin/dbmate" ]; then
    npm install --silent --prefix "$root/.tools/dbmate" dbmate@2
  fi
  native=$(ls "$root"/.tools/dbmate/node_modules/@dbmate/*/bin/dbmate 2>/dev/null | head -n 1 || true)
  export MATEY_BENCH_DBMATE="${native:-$root/.tools/dbmate/node_modules/.bin/dbmate}"
fi
exec java -cp "$root/benchmarks/target/classes:$(cat "$classpath")" "$main" "$@"
