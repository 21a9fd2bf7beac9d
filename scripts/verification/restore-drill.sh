#!/usr/bin/env bash
# The restore drill of staging's PostgreSQL flexible server, from the pipeline (logged in to Azure).
#
#   restore-drill.sh <rc> <key-file>
#
# `kora drill restore --driver azure` restores the server to now into a throwaway server (with its
# own private endpoint), verifies the copy against the source, measures RPO/RTO, deletes the copy
# and writes the signed record. The source is read with the administrator connection string the
# migration Job uses (the Secret kora-db-migrator in the workload namespace): a point-in-time
# restore keeps the roles and their passwords, so the same login reads the copy.
set -euo pipefail
rc=${1:?usage: restore-drill.sh <rc> <key-file>}
key=${2:?usage: restore-drill.sh <rc> <key-file>}
[ -f "$key" ] || { echo "restore-drill.sh: key file '$key' does not exist" >&2; exit 2; }
[ -n "${AZURE_SUBSCRIPTION_ID:-}" ] || { echo "restore-drill.sh: AZURE_SUBSCRIPTION_ID is not set; expected the subscription of staging's PostgreSQL server" >&2; exit 2; }
cd "$(dirname "$0")/../.."
scripts/verification/kube-login.sh staging
KORA_DB_CONNECTION=$(kubectl get secret kora-db-migrator --namespace kora -o jsonpath='{.data.connection}' | base64 -d)
[ -n "$KORA_DB_CONNECTION" ] || { echo "restore-drill.sh: the Secret kora/kora-db-migrator has no 'connection'; deploy staging first" >&2; exit 2; }
export KORA_DB_CONNECTION
# shellcheck disable=SC2046 # binding.sh prints one option per word
kora drill restore --driver azure --stack staging --subscription "$AZURE_SUBSCRIPTION_ID" $(scripts/verification/binding.sh "$rc") --key-file "$key" --project-dir .
