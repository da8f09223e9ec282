#!/usr/bin/env bash
# Seconds from `java -jar` to a healthy /health on an embedded database that already exists (warm start),
# three times. Builds the jar first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/pairpad.jar ] || mvn -q -o package -DskipTests
data=$(mktemp -d)
port=18990
trap 'rm -rf "$data"' EXIT
for run in 0 1 2 3; do
  start=$(date +%s.%N)
  PAIRPAD_DATA_DIR="$data" PORT=$port java -jar target/pairpad.jar >"$data/log-$run.txt" 2>&1 &
  pid=$!
  until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.05; done
  took=$(echo "$(date +%s.%N) - $start" | bc)
  kill "$pid"
  wait "$pid" || true
  # run 0 creates the database (a cold start); the rest are warm
  if [ "$run" -eq 0 ]; then echo "cold start (initdb): $took s"; else echo "warm start $run: $took s"; fi
done
