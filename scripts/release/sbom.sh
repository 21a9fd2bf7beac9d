#!/usr/bin/env bash
# Produces the CycloneDX SBOMs of a release and binds each to what it describes, by digest:
#
#   sbom.sh <kora-publish-dir> > sboms.json      an evidence part {"sboms": [...]} for evidence.sh
#
#   kora         `dotnet CycloneDX` (the tool pinned in .config/dotnet-tools.json) of
#                infra/KoraInfra.Cli; its metadata component is named 'kora' and versioned with
#                the artifact digest of the publish directory (docs/release.md, "SBOMs").
#   kora-tools   `syft scan` of the image release/images.txt pins by digest, named and versioned
#                as that image (--source-name, --source-version).
#
# Each goes through `kora release sbom`, which refuses an SBOM of anything else and stores it as
# releases/sboms/<sha256>.cdx.json; `store.sh push-manifests` publishes it with the manifest.
# Needs: dotnet, syft, jq, kora on PATH.
set -euo pipefail
kora_dir=${1:?usage: sbom.sh <kora publish dir>}
kora_dir=$(cd "$kora_dir" && pwd)
cd "$(dirname "$0")/../.."
command -v syft >/dev/null 2>&1 || { echo "sbom.sh: syft is not installed (the workflows install it with anchore/sbom-action/download-syft)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same digest `kora release sbom --artifact` computes: sha256 of the sorted sha256sum listing.
digest="sha256:$(cd "$kora_dir" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)"
dotnet tool restore >/dev/null
dotnet CycloneDX infra/KoraInfra.Cli/KoraInfra.Cli.csproj --output-format Json --spec-version 1.6 \
  --set-name kora --set-version "$digest" --output "$work" --filename kora.cdx.json >&2
kora release sbom --sbom "$work/kora.cdx.json" --artifact "$kora_dir" > "$work/kora.ref.json"

tools=$(grep -E '^ghcr\.io/koraos/kora-tools@sha256:[0-9a-f]{64}$' "${KORA_IMAGES_FILE:-release/images.txt}" || true)
[ -n "$tools" ] || { echo "sbom.sh: ${KORA_IMAGES_FILE:-release/images.txt} pins no ghcr.io/koraos/kora-tools image by digest; a release runs its migrations from it" >&2; exit 2; }
syft scan "registry:$tools" --source-name "${tools%@*}" --source-version "${tools#*@}" \
  -o "cyclonedx-json@1.6=$work/kora-tools.cdx.json" >&2
kora release sbom --sbom "$work/kora-tools.cdx.json" --image "$tools" > "$work/kora-tools.ref.json"

jq -s '{sboms: .}' "$work/kora.ref.json" "$work/kora-tools.ref.json"
