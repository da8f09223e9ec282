#!/usr/bin/env bash
# What PostgreSQL alone costs to store edits the way pairpad does, with no pairpad in the way: pgbench drives
# the embedded PostgreSQL of a freshly started jar (synchronous_commit on, as served) with inserts into a
# copy of the op log's table, and the CPU of its backend is read from /proc. It answers: how much of the
# CPU budget of issue 7 the durable row itself takes, for any design that stores one row per op.
#
#   bench/pg-floor.sh            # needs pgbench (Debian: apt-get install postgresql-15 or postgresql-client)
#
# Each line: rows per commit x commits/s, the backend's CPU in % of one core, its CPU per commit and per row,
# and the time of a commit (pgbench's per-transaction log, its wait for its scheduled start left out).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is not installed" >&2; exit 1; }
[ -f target/pairpad.jar ] || mvn -q -o package -DskipTests
work=$(mktemp -d)
port=18991
PAIRPAD_DATA_DIR="$work/data" PORT=$port java -jar target/pairpad.jar >"$work/log.txt" 2>&1 &
jar=$!
trap 'kill $jar 2>/dev/null; wait $jar 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.2; done
pg=$(sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$work/log.txt" | head -1)
psql() { command psql -h 127.0.0.1 -p "$pg" -U postgres -d postgres -qtA "$@"; }
psql -c "CREATE TABLE floor_ops (LIKE operations INCLUDING ALL)"
psql -c "CREATE TABLE floor_rooms (id uuid PRIMARY KEY)"
psql -c "INSERT INTO floor_rooms SELECT ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid
         FROM generate_series(1, 200) i"

# n rows per commit, each for one of 200 rooms, with an op id, op, client id and name like pair's
script() {
  cat <<EOF
\set room random(0, 199)
\set rev random(1, 1000000000)
INSERT INTO floor_ops (room_id, revision, op_id, op, client_id, name)
SELECT ('00000000-0000-0000-0000-' || lpad(((:room + i) % 200 + 1)::text, 12, '0'))::uuid, :rev::bigint + i,
       'c' || (:rev + i) || '-' || i, '[12,"ab",30]', 'client-' || i, 'Alice'
FROM generate_series(0, $1 - 1) i;
EOF
}

# the log's columns: client, transaction, time (us), script, epoch s, epoch us, schedule lag (us)
commit_times() {
  cat "$work"/commits* | awk '{print ($3 - $7) / 1000}' | sort -n | awk '{t[NR] = $1}
    END {printf "commit p50 %.2f p99 %.2f p99.9 %.2f max %.1f ms", t[int(NR * .5)], t[int(NR * .99)], t[int(NR * .999)], t[NR]}'
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # rows per commit, commits per second
  script "$1" >"$work/s.sql"
  rm -f "$work"/commits*
  pgbench -h 127.0.0.1 -p "$pg" -U postgres -n -M prepared -f "$work/s.sql" -R "$2" -T 16 \
    -l --log-prefix="$work/commits" postgres >"$work/pgbench.txt" 2>&1 &
  local bench=$!
  sleep 4
  local backend
  backend=$(psql -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench'" | head -1)
  local t0 s0 t1 s1
  t0=$(cpu_ticks "$backend"); s0=$(date +%s.%N)
  sleep 10
  t1=$(cpu_ticks "$backend"); s1=$(date +%s.%N)
  wait $bench
  local hz; hz=$(getconf CLK_TCK)
  local pct; pct=$(echo "100 * ($t1 - $t0) / $hz / ($s1 - $s0)" | bc -l)
  local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt")
  printf "%2d rows/commit x %4d commits/s: backend %5.1f %% of a core, %5.3f ms per commit, %5.3f ms per row; %s\n" \
    "$1" "$2" "$pct" "$(echo "$pct * 10 / $tps" | bc -l)" "$(echo "$pct * 10 / ($tps * $1)" | bc -l)" \
    "$(commit_times)"
}

echo "# $(date -u +%FT%TZ), PostgreSQL $(psql -c 'SHOW server_version'), synchronous_commit $(psql -c 'SHOW synchronous_commit')"
measure 1 1000
measure 2 1000   # pair's 2,000 edits/s as it commits them now (about 1.9 ops per commit)
measure 4 500
measure 8 250
measure 20 100
