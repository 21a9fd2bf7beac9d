#!/usr/bin/env bash
# Assembles the promotion evidence `kora gate check` / `kora promote` judge, from what the
# workflow knows (ref, commit, tag, images, approvals) and the evidence files other teams
# publish (CI reports, QA's RC evidence, the restore drill, pending compromised credentials).
#
#   evidence.sh <gate> <approvals.json> [<extra.json> ...] > evidence.json
#
#   gate         deploy-staging | promote-rc | deploy-prod
#   approvals    output of approvals.sh
#   extra        JSON objects merged in order (e.g. release/evidence.json reviewed by QA with
#                evidence/scorecard/rtmP0/openCriticalFindings; compromised.json with
#                {"pendingCompromisedCredentials": [...]}). Load, soak, fault injection and the
#                restore drill are not parts: they are signed records the gates read themselves.
#
# Images come from release/images.txt (one "name@sha256:<hex>" per line, pinned by the app's
# build pipeline through a reviewed pull request; KORA_IMAGES_FILE names another file).
set -euo pipefail
gate=${1:?usage: evidence.sh <gate> <approvals.json> [extra.json ...]}
approvals=${2:?usage: evidence.sh <gate> <approvals.json> [extra.json ...]}
shift 2
cd "$(dirname "$0")/../.."
for part in "$approvals" "$@"; do
  [ -f "$part" ] || { echo "evidence.sh: evidence part '$part' does not exist (see docs/release.md, 'Evidence')" >&2; exit 2; }
done

version=null
source_rc=null
if [[ "${GITHUB_REF:?}" == refs/tags/* ]]; then
  version="\"${GITHUB_REF#refs/tags/}\""
  if [ "$gate" = deploy-prod ]; then
    # The RC this GA tag promotes is the newest RC tag of the same version on the same commit.
    rc=$(git tag --points-at "${GITHUB_SHA:?}" | grep -E "^${GITHUB_REF#refs/tags/}-rc\.[0-9]+$" | sort -V | tail -n 1 || true)
    [ -n "$rc" ] && source_rc="\"$rc\""
  fi
fi

images=$({ grep -vE '^\s*(#|$)' "${KORA_IMAGES_FILE:-release/images.txt}" || true; } | jq -R . | jq -s .)
base=$(mktemp)
trap 'rm -f "$base"' EXIT
jq -n \
  --arg gate "$gate" --arg ref "$GITHUB_REF" --arg commit "${GITHUB_SHA:?}" \
  --argjson version "$version" --argjson sourceRc "$source_rc" \
  --argjson images "$images" --slurpfile approvals "$approvals" \
  '{gate: $gate, ref: $ref, commit: $commit, images: $images, approvals: $approvals[0],
    evidence: [], openCriticalFindings: []}
   + (if $version then {version: $version} else {} end)
   + (if $sourceRc then {sourceRc: $sourceRc} else {} end)' > "$base"
# Later parts override earlier fields, except evidence links, which accumulate.
jq -s 'reduce .[] as $part ({}; (. * ($part | del(.evidence))) | .evidence = ((.evidence // []) + ($part.evidence // [])))' \
  "$base" "$@"
