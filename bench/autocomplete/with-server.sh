#!/usr/bin/env bash
# Starts a server, runs a command with AC_URL set to it, stops the server.
#
#   bench/autocomplete/with-server.sh [--eval-server] [--no-build] [--jar PATH] -- COMMAND...
#
# Default: the real server, java -jar target/pairpad.jar, started with PORT=<free port> and
# PAIRPAD_DATA_DIR=<temp dir>. --eval-server: the test-scope io.pairpad.complete.EvalServer
# (autocomplete only, no database). Waits for GET /health to answer 200 first.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MODE=jar
BUILD=1
JAR="$ROOT/target/pairpad.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --eval-server) MODE=evalserver ;;
    --no-build) BUILD=0 ;;
    --jar) JAR="$2"; shift ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ $# -gt 0 ] || { echo "no command" >&2; exit 2; }

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
  # The eval and the latency benchmark send far more than one person types: lift the per-address limit.
  PORT="$PORT" PAIRPAD_DATA_DIR="$DATA_DIR" PAIRPAD_AUTOCOMPLETES_PER_MINUTE=1000000 java -jar "$JAR" >"$LOG" 2>&1 &
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

code=000
for _ in $(seq 1 600); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)"
  [ "$code" = 200 ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "server exited:" >&2; cat "$LOG" >&2; exit 1
  fi
  sleep 0.2
done
[ "$code" = 200 ] || { echo "server did not answer /health with 200" >&2; cat "$LOG" >&2; exit 1; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) server=$MODE url=http://127.0.0.1:$PORT: $*" >&2
AC_URL="http://127.0.0.1:$PORT" "$@"
