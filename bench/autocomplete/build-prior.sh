#!/usr/bin/env bash
# Builds the shipped autocomplete priors from the development list only
# (../shared/autocomplete-eval/lists/dev.tsv) into src/main/resources/complete/.
#
#   bench/autocomplete/build-prior.sh                          # the shipped priors
#   bench/autocomplete/build-prior.sh --folds 5 --fold 2 OUT   # leave fold 2 out (cross-validation)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
OUT="src/main/resources/complete"
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --folds|--fold) EXTRA+=("$1" "$2"); shift ;;
    *) OUT="$1" ;;
  esac
  shift
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 bench/autocomplete/dump_files.py --set dev --out "$WORK/files.jsonl"
mvn -q -o test-compile
CP_FILE="target/test-classpath.txt"
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
fi
java -Xmx4g -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" io.pairpad.complete.PriorBuilder \
  "$WORK/files.jsonl" "$OUT" "${EXTRA[@]+"${EXTRA[@]}"}"
