#!/usr/bin/env bash
# The Redis key rotation tests start their own throwaway redis-server on a loopback port (an ACL
# user with two passwords models the cache's primary and secondary keys); they only need the
# server binary from Debian's redis-server package.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq redis-server >/dev/null
