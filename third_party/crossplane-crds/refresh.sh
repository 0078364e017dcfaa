#!/usr/bin/env bash
# Refreshes the vendored upstream CRDs in this folder from their source repositories, at the commits
# (or tags) pinned below, then prints `git diff --stat` of the folder. Needs access to GitHub's raw file
# host, which the machines this project is tested on do not have: run it on a workstation, review the
# diff, update README.md's table (commit, nearest release, date), and run `make test`.
# Usage: refresh.sh [crossplane=REF] [provider-helm=REF] [provider-kubernetes=REF] [function-patch-and-transform=REF]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

declare -A ref=(
  [crossplane]=2d040d2daf4e001799c4154a4a09b9e1f40d7fde
  [provider-helm]=4854188ddc0fbd3bacb65a8583b9e2b123a184a1
  [provider-kubernetes]=350ef9acf911654b9d54d62a4ca4d7f0d0b13341
  [function-patch-and-transform]=55116ae050af09d89d6bc83d47e95fe5aa65909c
)
for arg in "$@"; do
  name="${arg%%=*}"
  [[ -n "${ref[$name]+x}" && "$arg" == *=* ]] || { echo "refresh.sh: unknown argument $arg" >&2; exit 2; }
  ref[$name]="${arg#*=}"
done

get() { # owner/repo ref path-in-repo [file name here]
  local url="https://raw.githubusercontent.com/$1/$2/$3"
  curl -fsSL --retry 2 -o "$here/${4:-$(basename "$3")}.tmp" "$url" || { echo "refresh.sh: cannot fetch $url" >&2; exit 1; }
  mv "$here/${4:-$(basename "$3")}.tmp" "$here/${4:-$(basename "$3")}"
}

for f in apiextensions.crossplane.io_compositeresourcedefinitions apiextensions.crossplane.io_compositions \
         pkg.crossplane.io_deploymentruntimeconfigs pkg.crossplane.io_functions pkg.crossplane.io_providers; do
  get crossplane/crossplane "${ref[crossplane]}" "cluster/crds/$f.yaml"
done
for f in helm.crossplane.io_providerconfigs helm.crossplane.io_providerconfigusages helm.crossplane.io_releases \
         helm.m.crossplane.io_clusterproviderconfigs helm.m.crossplane.io_providerconfigs \
         helm.m.crossplane.io_providerconfigusages helm.m.crossplane.io_releases; do
  get crossplane-contrib/provider-helm "${ref[provider-helm]}" "package/crds/$f.yaml"
done
get crossplane-contrib/provider-helm "${ref[provider-helm]}" package/crossplane.yaml provider-helm.crossplane.yaml
for f in kubernetes.crossplane.io_objects kubernetes.crossplane.io_observedobjectcollections \
         kubernetes.crossplane.io_providerconfigs kubernetes.crossplane.io_providerconfigusages \
         kubernetes.m.crossplane.io_clusterproviderconfigs kubernetes.m.crossplane.io_objects \
         kubernetes.m.crossplane.io_observedobjectcollections kubernetes.m.crossplane.io_providerconfigs \
         kubernetes.m.crossplane.io_providerconfigusages; do
  get crossplane-contrib/provider-kubernetes "${ref[provider-kubernetes]}" "package/crds/$f.yaml"
done
get crossplane-contrib/provider-kubernetes "${ref[provider-kubernetes]}" package/crossplane.yaml provider-kubernetes.crossplane.yaml
get crossplane-contrib/function-patch-and-transform "${ref[function-patch-and-transform]}" package/input/pt.fn.crossplane.io_resources.yaml

git -C "$here" diff --stat -- . || true
