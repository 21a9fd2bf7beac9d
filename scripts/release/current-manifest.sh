#!/usr/bin/env bash
# Prints the signed manifest a stack runs now, replayed from the deploy audit log the way
# `kora rollback` replays it: an admitted promotion puts a release on top, an admitted rollback
# takes the top one off; other entries (plan checks) change nothing. Prints nothing when the
# stack has no release yet.
#
#   current-manifest.sh <stack> [audit-log]
set -euo pipefail
stack=${1:?usage: current-manifest.sh <stack> [audit-log]}
log=${2:-audit/deploy-audit.jsonl}
[ -s "$log" ] || exit 0
jq -rs --arg stack "$stack" '
  reduce (.[] | select(.stack == $stack and .result == "admitted")) as $e
    ([]; if $e.action == "promote" then . + [$e] elif $e.action == "rollback" then .[:-1] else . end)
  | last | .manifest // empty' "$log"
