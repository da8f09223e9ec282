#!/usr/bin/env bash
# Runs ../shared/autocomplete-eval/eval.py against a freshly started server, in one command.
#
#   bench/autocomplete/run-eval.sh                    # the real server: java -jar target/pairpad.jar
#   bench/autocomplete/run-eval.sh --eval-server      # the test-scope EvalServer (no database needed)
#   bench/autocomplete/run-eval.sh --eval-server --lang python --out /tmp/ac-py.json
#
# --eval-server, --no-build and --jar PATH choose the server (see with-server.sh); everything
# else goes to eval.py (default: --set dev --lang all).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
EVAL_DIR="${AC_EVAL_DIR:-$HERE/../../../shared/autocomplete-eval}"
[ -f "$EVAL_DIR/eval.py" ] || EVAL_DIR=/work/shared/autocomplete-eval
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
have_set=0; have_lang=0
for a in "${ARGS[@]+"${ARGS[@]}"}"; do
  [ "$a" = "--set" ] && have_set=1
  [ "$a" = "--lang" ] && have_lang=1
done
[ $have_set = 1 ] || ARGS+=(--set dev)
[ $have_lang = 1 ] || ARGS+=(--lang all)
exec "$HERE/with-server.sh" "${SERVER[@]+"${SERVER[@]}"}" -- \
  sh -c 'exec python3 "$0/eval.py" --url "$AC_URL" "$@"' "$EVAL_DIR" "${ARGS[@]}"
