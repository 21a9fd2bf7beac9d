#!/usr/bin/env bash
# Prints, as a JSON array, the approvals given to this workflow run through protected
# environments: each environment named "<prefix><role>" (e.g. go-no-go-po) has the people of
# that role as required reviewers, so the environment an approval was given on is its role.
#
#   approvals.sh <environment-prefix>     e.g. approvals.sh go-no-go-
#
# Needs: gh (authenticated with GITHUB_TOKEN), jq; GITHUB_REPOSITORY, GITHUB_RUN_ID.
# "at" is when this script read the approval: every approval precedes the job that runs it.
set -euo pipefail
prefix=${1:?usage: approvals.sh <environment-prefix>}
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
gh api "repos/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/approvals" |
  jq --arg prefix "$prefix" --arg now "$now" '
    [ .[] | select(.state == "approved") | . as $review
      | .environments[] | select(.name | startswith($prefix))
      | { role: (.name | ltrimstr($prefix)), who: $review.user.login, at: $now } ]'
