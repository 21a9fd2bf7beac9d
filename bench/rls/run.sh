#!/usr/bin/env bash
# The RLS benchmark: RLS on (kora_app, app.tenant_id bound per transaction) against RLS off (a
# role that bypasses RLS, with an explicit WHERE tenant_id = ...), same queries, same data.
#
#   bench/rls/run.sh [seconds per run, default 20] [rounds, default 3]
#
# Starts a throwaway PostgreSQL 15 (scripts/db/test-postgres.sh), applies db/migrations, loads
# generate.sql (1.5 M flow executions over 50 tenants), then runs each workload in rounds,
# alternating RLS off and on so that a noisy machine hurts both alike, and prints the median
# throughput of each and their ratio. CLIENTS (default 2) sets pgbench's clients and threads.
#
# On a shared machine throughput is noisy, so each run also measures the server's CPU time per
# transaction (the backends' user + system time, which the postmaster collects when they exit):
# at saturation throughput is the inverse of it, and it barely moves with other load.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-20}"
rounds="${2:-3}"
clients="${CLIENTS:-2}"

die() { echo "bench/rls: $*" >&2; exit 1; }
command -v pgbench >/dev/null || die "pgbench not found: install the Debian package postgresql-client-15"
command -v psql >/dev/null || die "psql not found: install the Debian package postgresql-client-15"

eval "$(bash "$root/scripts/db/test-postgres.sh" start)"
trap 'bash "$root/scripts/db/test-postgres.sh" stop "$PGDIR"' EXIT
db=kora_bench
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

sql -d postgres -c "CREATE DATABASE $db"
# In version order (V10 after V9), as the migrator applies them.
for migration in $(printf '%s\n' "$root"/db/migrations/V*.sql | sort -V); do
  # Each file in its own transaction, as the migrator runs them.
  sql -d "$db" -1 -f "$migration" >/dev/null
done
# RLS off: a login that bypasses row level security but is otherwise the application (no
# superuser shortcuts in the privilege checks), so the comparison isolates what RLS costs. It
# exists only in this throwaway cluster.
sql -d "$db" -c "CREATE ROLE kora_bench_bypass LOGIN NOSUPERUSER BYPASSRLS IN ROLE kora_app"
# RLS on: the application logs in through one of its two rotation slots (V15), which acts as kora_app.
sql -d "$db" -c "ALTER ROLE kora_app_a LOGIN"
echo "loading 1.5 M rows ..."
sql -d "$db" -f "$here/generate.sql"

postmaster_pid=$(head -n 1 "$PGDIR/data/postmaster.pid")
ticks=$(getconf CLK_TCK)
# The postmaster adds a backend's CPU time to its children's total only once it has reaped it:
# wait a moment after pgbench disconnects.
server_cpu_ticks() { sleep 1; awk '{ print $16 + $17 }' "/proc/$postmaster_pid/stat"; }

# One run: prints "<tps> <server CPU microseconds per transaction>".
run() { # role, pgbench script arguments...
  local role="$1"; shift
  local before after out
  before=$(server_cpu_ticks)
  out=$(pgbench -h 127.0.0.1 -p "$PGPORT" -U "$role" -d "$db" -n -M prepared -c "$clients" -j "$clients" -T "$seconds" "$@" 2>&1) ||
    { printf '%s\n' "$out" >&2; die "pgbench failed as $role"; }
  after=$(server_cpu_ticks)
  awk -v b="$before" -v a="$after" -v hz="$ticks" '
    /^number of transactions actually processed: / { n = $6 }
    /^tps = / { t = $3 }
    END { printf "%s %.1f\n", t, (a - b) / hz * 1e6 / n }' <<<"$out"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

compare() { # name, baseline scripts, rls scripts
  local name="$1" off="$2" on="$3" offs="" ons="" i
  for ((i = 1; i <= rounds; i++)); do
    # shellcheck disable=SC2086
    offs+="$(cd "$here" && run kora_bench_bypass $off)"$'\n'
    # shellcheck disable=SC2086
    ons+="$(cd "$here" && run kora_app_a $on)"$'\n'
  done
  local tps_off tps_on cpu_off cpu_on
  tps_off=$(printf '%s' "$offs" | awk '{ print $1 }' | median)
  tps_on=$(printf '%s' "$ons" | awk '{ print $1 }' | median)
  cpu_off=$(printf '%s' "$offs" | awk '{ print $2 }' | median)
  cpu_on=$(printf '%s' "$ons" | awk '{ print $2 }' | median)
  awk -v n="$name" -v a="$tps_off" -v b="$tps_on" -v c="$cpu_off" -v d="$cpu_on" 'BEGIN {
    printf "%-38s tps off %9.1f on %9.1f  on/off %.3f | server CPU/txn off %8.1f us on %8.1f us  off/on %.3f\n", n, a, b, b / a, c, d, c / d }'
}

echo "pgbench -M prepared, $clients client(s), ${seconds}s per run, median of $rounds rounds"
compare "mix (20 point : 1 aggregate)" "-f point-baseline.sql@20 -f aggregate-baseline.sql@1" "-f point-rls.sql@20 -f aggregate-rls.sql@1"
compare "point lookup by primary key" "-f point-baseline.sql" "-f point-rls.sql"
compare "per-tenant aggregate" "-f aggregate-baseline.sql" "-f aggregate-rls.sql"
compare "point, binding in its own round trip" "-f point-baseline.sql" "-f point-rls-roundtrip.sql"
