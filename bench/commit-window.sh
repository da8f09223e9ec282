#!/usr/bin/env bash
# What fewer, larger commits would buy: pair's server CPU and p99 when the op log's writer waits a fixed time
# after the first op of each batch before committing (a commit window, as PostgreSQL's commit_delay). pairpad
# itself has no such wait; bench/commit-window.patch adds one to a copy of the committed code, in a jar built
# only for this run. It answers whether any window meets issue 7's CPU target (<= 25 %) with its p99 (<= 5 ms).
#
#   bench/commit-window.sh                      # windows 0 1000 3000 5000 us, three pair runs each (~20 min)
#   WINDOWS="0 2000" RUNS=1 bench/commit-window.sh
#
# Prints the load generator's median line for each window.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work"
patch -s -d "$work" -p1 <bench/commit-window.patch
(cd "$work" && mvn -q package -DskipTests)
for window in ${WINDOWS:-0 1000 3000 5000}; do
  echo "# commit window $window us"
  node bench/load/run.js --scenario pair --runs "${RUNS:-3}" --jar "$work/target/pairpad.jar" \
    --jvm "-Dpairpad.bench.commitWindowMicros=$window" | grep -E '^(run [0-9]|pair .*MEDIAN)'
done
