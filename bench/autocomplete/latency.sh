#!/usr/bin/env bash
# Latency of POST /api/autocomplete over HTTP while typing in documents of 200, 2,000 and
# 10,000 lines (p50 and p99), against a freshly started server.
#
#   bench/autocomplete/latency.sh                 # the real server (java -jar target/pairpad.jar)
#   bench/autocomplete/latency.sh --eval-server   # the test-scope EvalServer
#   bench/autocomplete/latency.sh --eval-server --lang java --words 60
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SERVER=()
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --eval-server|--no-build) SERVER+=("$1") ;;
    --jar) SERVER+=("$1" "$2"); shift ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
exec "$HERE/with-server.sh" "${SERVER[@]+"${SERVER[@]}"}" -- \
  sh -c 'exec python3 "$0/latency.py" --url "$AC_URL" "$@"' "$HERE" "${ARGS[@]+"${ARGS[@]}"}"
