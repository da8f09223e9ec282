#!/usr/bin/env bash
# Runs ../shared/autocomplete-eval/eval.py against a freshly started server, in one command.
#
#   bench/autocomplete/run-eval.sh                    # the real server: java -jar target/pairpad.jar
#   bench/autocomplete/run-eval.sh --eval-server      # the test-scope EvalServer (no database needed)
#   bench/autocomplete/run-eval.sh --eval-server --lang python --out /tmp/ac-py.json
#
# Options other than --eval-server, --no-build and --jar PATH go to eval.py (default: --set dev --lang all).
# The jar is started with PORT=<free port> and PAIRPAD_DATA_DIR=<temp dir>; the script waits for
# GET /health to answer 200, runs the evaluation, then stops the server.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
EVAL_DIR="${AC_EVAL_DIR:-$ROOT/../shared/autocomplete-eval}"
[ -f "$EVAL_DIR/eval.py" ] || EVAL_DIR=/work/shared/autocomplete-eval
MODE=jar
BUILD=1
JAR="$ROOT/target/pairpad.jar"
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --eval-server) MODE=evalserver ;;
    --no-build) BUILD=0 ;;
    --jar) JAR="$2"; shift ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
have_set=0; have_lang=0
for a in "${ARGS[@]+"${ARGS[@]}"}"; do
  [ "$a" = "--set" ] && have_set=1
  [ "$a" = "--lang" ] && have_lang=1
done
[ $have_set = 1 ] || ARGS+=(--set dev)
[ $have_lang = 1 ] || ARGS+=(--lang all)

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
DATA_DIR="$(mktemp -d)"
LOG="$DATA_DIR/server.log"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

cd "$ROOT"
if [ $MODE = jar ]; then
  if [ $BUILD = 1 ] && [ ! -f "$JAR" ]; then
    mvn -q -o package -DskipTests
  fi
  [ -f "$JAR" ] || { echo "no $JAR (build it with mvn package, or use --eval-server)" >&2; exit 2; }
  PORT="$PORT" PAIRPAD_DATA_DIR="$DATA_DIR" java -jar "$JAR" >"$LOG" 2>&1 &
  SERVER_PID=$!
else
  if [ $BUILD = 1 ]; then
    mvn -q -o test-compile
  fi
  CP_FILE="$ROOT/target/test-classpath.txt"
  if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
    mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
  fi
  java -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" io.pairpad.complete.EvalServer "$PORT" >"$LOG" 2>&1 &
  SERVER_PID=$!
fi

for _ in $(seq 1 300); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)"
  [ "$code" = 200 ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "server exited:" >&2; cat "$LOG" >&2; exit 1
  fi
  sleep 0.2
done
[ "$code" = 200 ] || { echo "server did not answer /health with 200" >&2; cat "$LOG" >&2; exit 1; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) mode=$MODE port=$PORT: python3 $EVAL_DIR/eval.py --url http://127.0.0.1:$PORT ${ARGS[*]}" >&2
python3 "$EVAL_DIR/eval.py" --url "http://127.0.0.1:$PORT" "${ARGS[@]}"
