#!/usr/bin/env bash
# Builds provider-kind's Crossplane package (xpkg) for linux/amd64 and linux/arm64.
#
# The package is the provider's runtime image (images/provider/Dockerfile) plus one layer holding
# package.yaml: package/crossplane.yaml and every CRD under package/crds, joined as `crossplane xpkg
# build` joins them. Where the crossplane CLI is installed it does the packaging; otherwise this script
# appends the same layer itself, annotated `io.crossplane.xpkg: base` as the xpkg specification asks.
#
# Usage: package/build-xpkg.sh [options]
#   --version V          package version (default: 0.1.0-SNAPSHOT, or $VERSION)
#   --platforms LIST     comma-separated (default: linux/amd64,linux/arm64)
#   --output DIR         where to write (default: target/xpkg)
#   --package-root DIR   crossplane.yaml and crds/ (default: package)
#   --runtime-oci DIR    use this OCI image layout as the runtime image instead of building it
#   --package-yaml-only  write DIR/package.yaml and stop
#   --no-crossplane-cli  append the layer with this script even when the crossplane CLI exists
# Output: DIR/package.yaml and either DIR/provider-kind-V-<os>-<arch>.xpkg (crossplane CLI) or the
# multi-platform OCI image layout DIR/provider-kind-V.oci. package/push-xpkg.sh publishes either.
set -euo pipefail
shopt -s inherit_errexit

root="$(cd "$(dirname "$0")/.." && pwd)"
version="${VERSION:-0.1.0-SNAPSHOT}"
platforms="linux/amd64,linux/arm64"
output="$root/target/xpkg"
package_root="$root/package"
runtime_oci=""
package_yaml_only=false
use_crossplane_cli=true

die() { echo "build-xpkg: $*" >&2; exit 1; }
step() { echo "==> $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="${2:?}"; shift 2 ;;
    --platforms) platforms="${2:?}"; shift 2 ;;
    --output) output="${2:?}"; shift 2 ;;
    --package-root) package_root="${2:?}"; shift 2 ;;
    --runtime-oci) runtime_oci="${2:?}"; shift 2 ;;
    --package-yaml-only) package_yaml_only=true; shift ;;
    --no-crossplane-cli) use_crossplane_cli=false; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

# --- package.yaml ----------------------------------------------------------------------------------

# The YAML files of the package root in the order Go's filepath.Walk visits them (names sorted
# bytewise, a folder's files where its name sorts), as crossplane's package parser reads them.
package_files() {
  local dir="$1" entry
  while IFS= read -r entry; do
    if [ -d "$dir/$entry" ]; then
      package_files "$dir/$entry"
    elif [[ "$entry" == *.yaml || "$entry" == *.yml ]] && [ -s "$dir/$entry" ]; then
      printf '%s\n' "$dir/$entry"
    fi
  done < <(cd "$dir" && find . -mindepth 1 -maxdepth 1 ! -name '.*' -printf '%f\n' | LC_ALL=C sort)
}

# The top-level kinds of a YAML file, one per document (lines "kind: X" at column 0, X maybe quoted).
top_level_kinds() { sed -n "s/^kind:[[:space:]]*[\"']\{0,1\}\([A-Za-z]*\).*/\1/p" "$1"; }

# Whether every top-level apiVersion of a YAML file is $2.
api_versions_are() {
  ! sed -n "s/^apiVersion:[[:space:]]*[\"']\{0,1\}\([^\"' ]*\).*/\1/p" "$1" | grep -qvxF "$2"
}

lint() {
  local file kinds providers=0
  for file in "$@"; do
    kinds="$(top_level_kinds "$file" | sort -u | tr '\n' ' ')"
    case "$kinds" in
      "Provider ")
        api_versions_are "$file" meta.pkg.crossplane.io/v1 || die "$file: the Provider must be apiVersion meta.pkg.crossplane.io/v1"
        providers=$((providers + 1)) ;;
      "CustomResourceDefinition ")
        api_versions_are "$file" apiextensions.k8s.io/v1 || die "$file: CRDs must be apiVersion apiextensions.k8s.io/v1" ;;
      *) die "$file: a provider package holds one meta.pkg.crossplane.io Provider and CustomResourceDefinitions, found kinds: ${kinds:-none}" ;;
    esac
  done
  [ "$providers" -eq 1 ] || die "$package_root: needs exactly one Provider (crossplane.yaml), found $providers"
}

write_package_yaml() {
  local files=() file
  mapfile -t files < <(package_files "$package_root")
  [ "${#files[@]}" -gt 0 ] || die "$package_root holds no YAML"
  lint "${files[@]}"
  [ "${#files[@]}" -gt 1 ] || die "$package_root/crds holds no CRD: build the provider first (make build)"
  mkdir -p "$output"
  # crossplane's reader ends every file with a document end and a document start
  for file in "${files[@]}"; do cat "$file"; printf '\n...\n\n---\n'; done > "$output/package.yaml.tmp"
  mv "$output/package.yaml.tmp" "$output/package.yaml"
  step "package.yaml: ${#files[@]} files from $package_root -> $output/package.yaml"
}

# --- runtime image ---------------------------------------------------------------------------------

provider_jar() {
  local jar="$root/provider/target/provider.jar"
  [ -f "$jar" ] || die "$jar is missing: run make build first"
}

buildx() {
  docker buildx version >/dev/null 2>&1 || die "docker buildx is needed to build the runtime image for $platforms (or give --runtime-oci)"
  # the docker driver cannot export multi-platform images; a docker-container builder can
  docker buildx inspect provider-kind >/dev/null 2>&1 \
    || docker buildx create --name provider-kind --driver docker-container >/dev/null
  docker buildx build --builder provider-kind --provenance=false --sbom=false \
    -f "$root/images/provider/Dockerfile" "$@" "$root/provider/target"
}

# --- xpkg with the crossplane CLI ------------------------------------------------------------------

build_with_crossplane_cli() {
  local platform arch tarball
  provider_jar
  for platform in ${platforms//,/ }; do
    arch="${platform//\//-}"
    tarball="$output/runtime-$arch.tar"
    step "runtime image for $platform"
    buildx --platform "$platform" --output "type=docker,dest=$tarball"
    step "crossplane xpkg build for $platform"
    # --examples-root: the package carries no examples (its default, ./examples, is this repository's)
    crossplane xpkg build --package-root "$package_root" --examples-root "$package_root/examples" \
      --embed-runtime-image-tarball "$tarball" --package-file "$output/provider-kind-$version-$arch.xpkg"
    rm -f "$tarball"
  done
}

# --- xpkg by appending the package layer to an OCI image layout ------------------------------------

blob() { printf '%s/blobs/%s/%s' "$layout" "${1%%:*}" "${1#*:}"; }

# Moves a file into the layout's blobs and prints its digest.
put_blob() {
  local digest
  digest="sha256:$(sha256sum "$1" | cut -d' ' -f1)"
  mkdir -p "$layout/blobs/sha256"
  mv "$1" "$(blob "$digest")"
  printf '%s' "$digest"
}

size_of() { stat -c %s "$(blob "$1")"; }

make_package_layer() {
  local stage="$work/layer"
  mkdir -p "$stage"
  cp "$output/package.yaml" "$stage/package.yaml"
  tar --format=ustar --owner=0 --group=0 --numeric-owner --mtime=@0 --mode=0644 \
    -C "$stage" -cf "$work/layer.tar" package.yaml
  layer_diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
  gzip -n -9 -c "$work/layer.tar" > "$work/layer.tar.gz"
  layer_digest="$(put_blob "$work/layer.tar.gz")"
  layer_size="$(size_of "$layer_digest")"
}

# Prints the descriptor of the manifest after appending the package layer to it.
package_manifest() {
  local descriptor="$1" manifest config layer_type config_digest new_manifest
  manifest="$(cat "$(blob "$(jq -r .digest <<<"$descriptor")")")"
  if jq -e '[.layers[]? | select(.annotations["io.crossplane.xpkg"] == "base")] | length > 0' <<<"$manifest" >/dev/null; then
    die "$runtime_oci: $(jq -r '.platform | "\(.os)/\(.architecture)"' <<<"$descriptor") is already a Crossplane package"
  fi
  case "$(jq -r '.mediaType // empty' <<<"$manifest")" in
    application/vnd.docker.distribution.manifest.v2+json) layer_type=application/vnd.docker.image.rootfs.diff.tar.gzip ;;
    *) layer_type=application/vnd.oci.image.layer.v1.tar+gzip ;;
  esac
  config="$(cat "$(blob "$(jq -r .config.digest <<<"$manifest")")")"
  jq -c --arg key "io.crossplane.xpkg:$layer_digest" --arg diff "$layer_diff_id" '
      .config.Labels[$key] = "base"
    | .rootfs.diff_ids += [$diff]
    | if has("history") then .history += [{"created_by": "package.yaml: Crossplane package metadata and CRDs"}] else . end
    ' <<<"$config" > "$work/config.json"
  config_digest="$(put_blob "$work/config.json")"
  jq -c --arg cd "$config_digest" --argjson cs "$(size_of "$config_digest")" \
     --arg lt "$layer_type" --arg ld "$layer_digest" --argjson ls "$layer_size" '
      .config.digest = $cd | .config.size = $cs
    | .layers += [{"mediaType": $lt, "digest": $ld, "size": $ls, "annotations": {"io.crossplane.xpkg": "base"}}]
    ' <<<"$manifest" > "$work/manifest.json"
  new_manifest="$(put_blob "$work/manifest.json")"
  jq -c --arg d "$new_manifest" --argjson s "$(size_of "$new_manifest")" '.digest = $d | .size = $s' <<<"$descriptor"
}

# Writes to $2 the descriptors of index $1's manifests, each made a package. Attestations of the
# runtime images are left out: they would attest digests that no longer exist.
package_manifests() {
  local descriptor
  : > "$2"
  while IFS= read -r descriptor; do
    package_descriptor "$descriptor" >> "$2"
  done < <(jq -c '.manifests[] | select(.annotations["vnd.docker.reference.type"] != "attestation-manifest")' <<<"$1")
}

package_descriptor() {
  local descriptor="$1" index manifests new_index
  case "$(jq -r .mediaType <<<"$descriptor")" in
    application/vnd.oci.image.index.v1+json|application/vnd.docker.distribution.manifest.list.v2+json)
      index="$(cat "$(blob "$(jq -r .digest <<<"$descriptor")")")"
      manifests="$(mktemp -p "$work")"
      package_manifests "$index" "$manifests"
      jq -c --slurpfile m "$manifests" '.manifests = $m' <<<"$index" > "$work/index.json"
      new_index="$(put_blob "$work/index.json")"
      jq -c --arg d "$new_index" --argjson s "$(size_of "$new_index")" '.digest = $d | .size = $s' <<<"$descriptor" ;;
    application/vnd.oci.image.manifest.v1+json|application/vnd.docker.distribution.manifest.v2+json)
      package_manifest "$descriptor" ;;
    *) die "$runtime_oci: unsupported descriptor media type $(jq -r .mediaType <<<"$descriptor")" ;;
  esac
}

build_oci_layout() {
  layout="$output/provider-kind-$version.oci"
  rm -rf "$layout"
  if [ -n "$runtime_oci" ]; then
    if [ ! -f "$runtime_oci/index.json" ] || [ ! -f "$runtime_oci/oci-layout" ]; then
      die "$runtime_oci is not an OCI image layout"
    fi
    cp -r "$runtime_oci" "$layout"
  else
    provider_jar
    step "runtime image for $platforms"
    buildx --platform "$platforms" --output "type=oci,dest=$work/runtime.tar"
    mkdir -p "$layout"
    tar -xf "$work/runtime.tar" -C "$layout"
  fi
  step "appending package.yaml as the xpkg base layer"
  make_package_layer
  package_manifests "$(cat "$layout/index.json")" "$work/top-manifests"
  jq -c --slurpfile m "$work/top-manifests" '.manifests = $m' "$layout/index.json" > "$work/top-index.json"
  mv "$work/top-index.json" "$layout/index.json"
  step "package: $layout (OCI image layout; push it with package/push-xpkg.sh)"
}

write_package_yaml
if [ "$package_yaml_only" = true ]; then exit 0; fi
command -v jq >/dev/null || die "jq is needed"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$use_crossplane_cli" = true ] && [ -z "$runtime_oci" ] && command -v crossplane >/dev/null; then
  build_with_crossplane_cli
else
  build_oci_layout
fi
