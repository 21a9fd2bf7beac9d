#!/usr/bin/env bash
# The release store: an Azure blob container with a time-based immutability (WORM) policy, so a
# blob, once written, can be neither changed nor deleted. Signed manifests and every version of
# the deploy audit log live there; the audit log's newest head there is the anchor
# `kora promote/rollback/audit verify --expect-count/--expect-hash` check against, and its newest
# copy is the one `kora audit verify --worm-copy` checks the log extends. The log's path is the
# one the stack settings name (kora-infra:promotion.auditLog, audit/deploy-audit.jsonl).
#
#   store.sh pull-audit                 download the newest audit log + head into audit/
#   store.sh push-audit                 upload audit/ as a new version (never overwrites)
#   store.sh pull-manifest <stack> <version>   download releases/<stack>/<version>.dsse.json
#   store.sh pull-all-manifests <stack>        download every manifest of a stack (for rollback)
#   store.sh push-manifests             upload new files under releases/ (manifests, evidence records, SBOMs)
#   store.sh pull-sboms <manifest>      download the SBOMs a signed manifest binds into releases/sboms/
#   store.sh pull-evidence <rc>         download the signed evidence records of an RC into
#                                       releases/staging/evidence/<rc>/ (where the gates read them)
#   store.sh push-evidence <rc>         upload that RC's new records (a verification run's own, never overwriting)
#
# Needs: az (logged in with OIDC), jq; RELEASE_STORE_ACCOUNT, RELEASE_STORE_CONTAINER.
set -euo pipefail
cd "$(dirname "$0")/../.."
account=${RELEASE_STORE_ACCOUNT:?}
container=${RELEASE_STORE_CONTAINER:?}
blob() { az storage blob "$@" --account-name "$account" --container-name "$container" --auth-mode login --only-show-errors; }

case "${1:?usage: store.sh pull-audit|push-audit|pull-manifest|pull-all-manifests|push-manifests|pull-evidence|pull-sboms|push-evidence}" in
  pull-audit)
    mkdir -p audit
    if ! az storage account show --name "$account" --only-show-errors >/dev/null 2>&1; then
      # Only before a stack's first release: its first `up` declares the store.
      echo "::warning::release store $account does not exist yet: starting an empty deploy audit log" >&2
      : > audit/anchor.args
      mkdir -p audit/worm
      : > audit/deploy-audit.jsonl
      : > audit/worm/deploy-audit.jsonl
      exit 0
    fi
    latest=$(blob list --prefix audit/deploy-audit- --query '[].name' -o tsv | sort -V | tail -n 1)
    if [ -n "$latest" ]; then
      count=${latest#audit/deploy-audit-}; count=${count%.jsonl}
      blob download --name "$latest" --file audit/deploy-audit.jsonl >/dev/null
      blob download --name "audit/deploy-audit-$count.head.json" --file audit/deploy-audit.jsonl.head.json >/dev/null
      # The WORM copy, kept apart: `kora audit verify --worm-copy` and push-audit check that the
      # log still extends it entry for entry.
      mkdir -p audit/worm
      cp audit/deploy-audit.jsonl audit/worm/deploy-audit.jsonl
      # The anchor: the head as the store holds it, given to `kora audit verify`.
      jq -r '"--expect-count \(.count) --expect-hash \(.lastHash)"' audit/deploy-audit.jsonl.head.json > audit/anchor.args
    else
      : > audit/anchor.args
      mkdir -p audit/worm
      : > audit/deploy-audit.jsonl
      : > audit/worm/deploy-audit.jsonl
    fi
    ;;
  push-audit)
    # Publish only a log that verifies and extends the store's copy: a tampered log never
    # becomes the newest version the next run anchors on.
    worm=()
    [ -f audit/worm/deploy-audit.jsonl ] && worm=(--worm-copy audit/worm/deploy-audit.jsonl)
    kora audit verify --audit-log audit/deploy-audit.jsonl "${worm[@]}" >&2 || { echo "store.sh: the audit log does not verify; not published" >&2; exit 1; }
    count=$(jq -r .count audit/deploy-audit.jsonl.head.json)
    blob upload --name "audit/deploy-audit-$count.jsonl" --file audit/deploy-audit.jsonl --overwrite false >/dev/null
    blob upload --name "audit/deploy-audit-$count.head.json" --file audit/deploy-audit.jsonl.head.json --overwrite false >/dev/null
    ;;
  pull-manifest)
    stack=${2:?stack}; version=${3:?version}
    mkdir -p "releases/$stack"
    blob download --name "releases/$stack/$version.dsse.json" --file "releases/$stack/$version.dsse.json" >/dev/null
    ;;
  pull-all-manifests)
    stack=${2:?stack}
    mkdir -p "releases/$stack"
    for name in $(blob list --prefix "releases/$stack/" --query '[].name' -o tsv); do
      blob download --name "$name" --file "$name" >/dev/null
    done
    ;;
  pull-evidence)
    rc=${2:?rc}
    mkdir -p "releases/staging/evidence/$rc"
    for name in $(blob list --prefix "releases/staging/evidence/$rc/" --query '[].name' -o tsv); do
      blob download --name "$name" --file "$name" >/dev/null
    done
    ;;
  pull-sboms)
    manifest=${2:?manifest}
    mkdir -p releases/sboms
    # Named by digest: `kora release verify` and the gates re-hash each one against the signed manifest.
    for digest in $(jq -r '.payload' "$manifest" | base64 -d | jq -r '.predicate.sboms // [] | .[].digest'); do
      [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "store.sh: '$digest' in $manifest is not an SBOM digest" >&2; exit 1; }
      blob download --name "releases/sboms/${digest#sha256:}.cdx.json" --file "releases/sboms/${digest#sha256:}.cdx.json" >/dev/null
    done
    ;;
  push-manifests)
    # Only files the store does not hold yet (manifests, evidence records): stored ones are immutable.
    # SBOMs are stored under their own digest (releases/sboms/<sha256>.cdx.json).
    find releases \( -name '*.dsse.json' -o -name '*.cdx.json' \) -print0 2>/dev/null |
      while IFS= read -r -d '' file; do
        if [ "$(blob exists --name "$file" --query exists -o tsv)" != true ]; then
          blob upload --name "$file" --file "$file" --overwrite false >/dev/null
        fi
      done
    ;;
  push-evidence)
    rc=${2:?rc}
    find "releases/staging/evidence/$rc" -name '*.dsse.json' -print0 2>/dev/null |
      while IFS= read -r -d '' file; do
        if [ "$(blob exists --name "$file" --query exists -o tsv)" != true ]; then
          blob upload --name "$file" --file "$file" --overwrite false >/dev/null
        fi
      done
    ;;
  *)
    echo "store.sh: unknown command '$1'" >&2
    exit 2
    ;;
esac
