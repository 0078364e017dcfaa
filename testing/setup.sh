#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine (`make setup`; `make test` runs it first):
#   - Debian packages, in one apt-get call: Docker engine, the build inputs of kube-apiserver, etcd,
#     the kind test double's and its node image's userland, the JDK the JRE stand-in image is made of;
#   - a running Docker engine (docker/start-dockerd.sh);
#   - kube-apiserver v1.20.2 built once with the reflect2 fix, etcd and kubectl for kube-api-test
#     (kube-apiserver/install.sh), built in the background while the images are made;
#   - the kind double's node images, the provider image's JRE stand-in and the registry:2 stand-in
#     (docker import, no registry).
# Idempotent: a second run checks and changes nothing, in a few seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
started=$SECONDS

# docker.io: the engine; golang-1.19-go + golang-github-modern-go-reflect2-dev + make + rsync: kube-apiserver's
# build; etcd-server: its store; python3 + python3-yaml: the kind double; busybox-static + socat: the node
# image's userland and API server; openssl: the clusters' PKI; curl: the double's contract test;
# openjdk-17-jdk-headless: jlink and the jmods of the JRE image; jq: package/build-xpkg.sh and, with curl, git
# (its http-backend) and busybox's sh, the EDFBuilder's Job scripts as install-test runs them; docker-registry:
# the distribution registry the registry:2 stand-in is made of.
packages=(docker.io golang-1.19-go golang-github-modern-go-reflect2-dev make rsync etcd-server
          python3 python3-yaml busybox-static socat openssl curl openjdk-17-jdk-headless jq git docker-registry)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

kube_dir="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/1.20.2-linux-amd64"
needs_kube=true
[[ -f "$kube_dir/.built-with-reflect2-v1.0.2" ]] && needs_kube=false
# kube-apiserver is built from Debian's source package: apt needs a deb-src entry to fetch it
src_list=/etc/apt/sources.list.d/provider-kind-debian-src.sources
added_src=false
if $needs_kube && ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$codename" >"$src_list"
  added_src=true
fi

kube_log="$(mktemp)"
trap 'rm -f "$kube_log"' EXIT
fetch_pid=""
if ((${#missing[@]})) || $added_src; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  if $needs_kube; then
    # the source and kubectl are downloaded and unpacked while apt installs the packages
    bash "$here/kube-apiserver/install.sh" fetch >"$kube_log" 2>&1 &
    fetch_pid=$!
  fi
  if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  echo "packages ready ($((SECONDS - started)) s)"
fi

kube_pid=""
if $needs_kube; then
  if [[ -n "$fetch_pid" ]]; then
    wait "$fetch_pid" || { cat "$kube_log" >&2; exit 1; }
  fi
  echo "building kube-apiserver v1.20.2 in the background (about 3.5 minutes on 2 cores)"
  bash "$here/kube-apiserver/install.sh" build >"$kube_log" 2>&1 &
  kube_pid=$!
fi

bash "$here/docker/start-dockerd.sh"
bash "$here/node-image/build-node-image.sh"
bash "$here/jre-image/build-jre-image.sh"
bash "$here/registry-image/build-registry-image.sh"
echo "kind test double ready: $here/kind-double/kind ($("$here/kind-double/kind" version))"

if [[ -n "$kube_pid" ]]; then
  wait "$kube_pid" || { cat "$kube_log" >&2; exit 1; }
fi
echo "kube-apiserver test binaries ready in $kube_dir"
echo "setup done in $((SECONDS - started)) s"
