#!/usr/bin/env bash
# Publishes the package package/build-xpkg.sh built, for every platform at once, to REF
# (e.g. ghcr.io/you/provider-kind:v0.1.0). Log in to the registry first (docker login works for both
# tools: crossplane and skopeo read the same credentials).
# Usage: package/push-xpkg.sh REF [--version V] [--output DIR]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="${VERSION:-0.1.0-SNAPSHOT}"
output="$root/target/xpkg"
ref=""
die() { echo "push-xpkg: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="${2:?}"; shift 2 ;;
    --output) output="${2:?}"; shift 2 ;;
    -*) die "unknown option $1" ;;
    *) ref="$1"; shift ;;
  esac
done
[ -n "$ref" ] || die "usage: push-xpkg.sh REF [--version V] [--output DIR]"

shopt -s nullglob
xpkgs=("$output"/provider-kind-"$version"-*.xpkg)
layout="$output/provider-kind-$version.oci"
if [ "${#xpkgs[@]}" -gt 0 ]; then
  command -v crossplane >/dev/null || die "the packages in $output were built by the crossplane CLI, which is needed to push them"
  files="$(IFS=,; echo "${xpkgs[*]}")"
  echo "==> crossplane xpkg push $ref (${#xpkgs[@]} platforms)" >&2
  crossplane xpkg push --package-files "$files" "$ref"
elif [ -f "$layout/index.json" ]; then
  command -v skopeo >/dev/null || die "skopeo is needed to push the OCI layout $layout (apt-get install skopeo)"
  echo "==> skopeo copy --all oci:$layout docker://$ref" >&2
  skopeo copy --all "oci:$layout" "docker://$ref"
else
  die "no package for version $version in $output: run package/build-xpkg.sh (make xpkg) first"
fi
