#!/usr/bin/env bash
# Runs the README's httpie examples, as written, against the jar started like `make run` does.
set -euo pipefail
cd "$(dirname "$0")/.."

data=$(mktemp -d)
PAIRPAD_DATA_DIR="$data" PORT=8080 java -jar target/pairpad.jar > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
    curl -fs localhost:8080/health >/dev/null 2>&1 && break
    sleep 0.1
done

# Examples must succeed: any 4xx or 5xx fails the run. No terminal here, so httpie must not read stdin.
http() { command http --ignore-stdin --check-status "$@"; }

script=$(awk '/^## API/{api=1} /^## /&&!/^## API/{api=0} api&&/^```sh/{code=1;next} /^```/{code=0} code' README.md)
[ -n "$script" ] || { echo "no examples found in README.md"; exit 1; }
eval "$script"
echo "README examples: all passed"
