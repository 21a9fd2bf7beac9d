#!/usr/bin/env bash
# Installs AFL++ (Debian package `afl++`), which drives the SharpFuzz harnesses of scripts/fuzz.
# Idempotent and quiet; run as root on Debian 12 after `apt-get update`.
set -euo pipefail

if command -v afl-fuzz >/dev/null 2>&1; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends afl++ >/dev/null

command -v afl-fuzz >/dev/null
