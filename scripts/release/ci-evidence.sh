#!/usr/bin/env bash
# Prints the required-check evidence of this workflow run as an evidence part:
#   ci-evidence.sh <kind>=<passed|failed> ...     e.g. ci-evidence.sh lint=passed unit-integration=passed
# Each link is this run's page, where the job logs and attached reports are.
set -euo pipefail
url="${GITHUB_SERVER_URL:?}/${GITHUB_REPOSITORY:?}/actions/runs/${GITHUB_RUN_ID:?}"
for pair in "$@"; do
  kind=${pair%%=*}
  result=${pair#*=}
  jq -n --arg kind "$kind" --arg url "$url" --argjson passed "$([ "$result" = passed ] && echo true || echo false)" \
    '{kind: $kind, passed: $passed, url: $url}'
done | jq -s '{evidence: .}'
