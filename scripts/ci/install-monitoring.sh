#!/usr/bin/env bash
# Installs the real Prometheus tools the monitoring tests run: promtool (Debian package
# `prometheus`) and amtool (`prometheus-alertmanager`). Idempotent and quiet; run as root on
# Debian 12 after `apt-get update`. The services themselves are not started: the tests only
# need the command-line tools.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# The packages' maintainer scripts try to start the daemons; on a CI machine without an init
# system that only produces noise, so a policy-rc.d forbids it for this install.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=1
fi
trap 'if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi' EXIT

apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager >/dev/null

command -v promtool >/dev/null && command -v amtool >/dev/null
