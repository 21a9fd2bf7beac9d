#!/usr/bin/env bash
# The database tests start their own throwaway PostgreSQL 15 (scripts/db/test-postgres.sh);
# they only need the server binaries from Debian's postgresql-15 package.
set -euo pipefail
if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq postgresql-15 >/dev/null
