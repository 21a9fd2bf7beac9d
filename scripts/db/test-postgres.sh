#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: initdb in a fresh temporary directory, listening
# only on 127.0.0.1 at a free port, trust authentication (nothing but this machine can reach it,
# and no password ever has to exist). PostgreSQL refuses to run as root, so as root the cluster
# is owned and run by the 'postgres' system user (created by the Debian package).
#
#   test-postgres.sh start          prints PGPORT=<port> and PGDIR=<dir>, one per line
#   test-postgres.sh start --archive  the same, with WAL archiving (archive_command copies each
#                                   segment to <dir>/archive, printed as PGARCHIVE=) for the restore drill
#   test-postgres.sh start --password-auth
#                                   the same, but every login except the bootstrap 'postgres'
#                                   must present its password (scram-sha-256 on 127.0.0.1), as on a
#                                   real server: for the login rotation tests
#   test-postgres.sh stop <dir>     stops the cluster and removes the directory
set -euo pipefail

PG_BIN="${KORA_PG_BIN:-/usr/lib/postgresql/15/bin}"

die() { echo "test-postgres: $*" >&2; exit 1; }

require_server() {
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
    die "PostgreSQL 15 server not found in $PG_BIN: install the Debian package postgresql-15 (scripts/ci/install-database.sh does)"
}

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    getent passwd postgres >/dev/null || die "running as root needs the 'postgres' user (Debian package postgresql-15 creates it)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  # A refused connection means nobody listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  require_server
  local dir port archive=() archive_on=no password_auth=no
  for option in "$@"; do
    case "$option" in
      --archive) archive_on=yes ;;
      --password-auth) password_auth=yes ;;
      *) die "unknown option '$option'; expected --archive, --password-auth or nothing" ;;
    esac
  done
  dir="$(mktemp -d "${TMPDIR:-/tmp}/kora-pg.XXXXXX")"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
  if [[ "$archive_on" == yes ]]; then
    as_owner mkdir "$dir/archive"
    archive=(-c archive_mode=on -c "archive_command='test ! -f $dir/archive/%f && cp %p $dir/archive/%f'" -c archive_timeout=0)
  fi
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  if [[ "$password_auth" == yes ]]; then
    # First match wins: the bootstrap superuser (the tests' administrator) stays trusted.
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
  fi

  # Another process may take the port between the probe and the bind: retry a few times.
  for _ in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + RANDOM % 30000 ))
    port_is_free "$port" || continue
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 ${archive[*]}" >/dev/null 2>&1; then
      echo "PGPORT=$port"
      echo "PGDIR=$dir"
      [[ ${#archive[@]} -gt 0 ]] && echo "PGARCHIVE=$dir/archive"
      return 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  die "could not start PostgreSQL on a free loopback port"
}

stop() {
  local dir="${1:-}"
  [[ -n "$dir" && -d "$dir/data" ]] || die "usage: $0 stop <dir printed by start>"
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) die "usage: $0 start [--archive] [--password-auth] | stop <dir>" ;;
esac
