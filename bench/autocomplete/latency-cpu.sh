#!/usr/bin/env bash
# In-process latency (wall clock and CPU time of the request thread) of AutocompleteService
# while typing in documents of 200, 2,000 and 10,000 lines; see LatencyBench.java.
#
#   bench/autocomplete/latency-cpu.sh [language] [words]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 bench/autocomplete/dump_files.py --set dev --out "$WORK/files.jsonl" 2>/dev/null
mvn -q -o test-compile
CP_FILE="target/test-classpath.txt"
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
fi
java -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" io.pairpad.complete.LatencyBench "$WORK/files.jsonl" "$@"
