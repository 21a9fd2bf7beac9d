#!/usr/bin/env bash
# Prints the options that bind a record to the release under test: --commit, --rc and every
# --image of release/images.txt at the checked-out commit (what the RC promotes).
#
#   binding.sh <rc>
set -euo pipefail
rc=${1:?usage: binding.sh <rc>}
cd "$(dirname "$0")/../.."
printf -- '--commit %s --rc %s' "$(git rev-parse HEAD)" "$rc"
grep -vE '^\s*(#|$)' "${KORA_IMAGES_FILE:-release/images.txt}" | while read -r image; do printf -- ' --image %s' "$image"; done
echo
