#!/usr/bin/env bash
# Installs jq, which the release pipeline scripts (scripts/release/) use and the release tests
# run for real. Idempotent and quiet; run as root on Debian 12 after `apt-get update`.
set -euo pipefail
command -v jq >/dev/null 2>&1 && exit 0
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
command -v jq >/dev/null
