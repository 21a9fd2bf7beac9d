#!/usr/bin/env bash
# The restore drill of staging's PostgreSQL flexible server, from the pipeline.
#
#   restore-drill.sh <rc> <key-file>
#
# `kora drill restore` runs the local driver (a WAL-archiving PostgreSQL on this machine); the
# Azure driver (point-in-time restore of the flexible server, then the same verification on the
# copy) is decided (AzureRestoreRequest) but not yet driven by the command (docs/verification.md,
# "Not yet in place"). Until it is, this step fails loudly: a drill that did not run never leaves
# a record, and the prod gate's restore-drill condition stays unmet.
set -euo pipefail
rc=${1:?usage: restore-drill.sh <rc> <key-file>}
key=${2:?usage: restore-drill.sh <rc> <key-file>}
[ -f "$key" ] || { echo "restore-drill.sh: key file '$key' does not exist" >&2; exit 2; }
echo "restore-drill.sh: the Azure driver of 'kora drill restore' is not in place yet; no drill ran for $rc (docs/verification.md, 'Not yet in place')" >&2
exit 2
