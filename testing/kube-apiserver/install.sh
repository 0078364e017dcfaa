#!/usr/bin/env bash
# Installs the real kube-apiserver v1.20.2 that fabric8's kube-api-test runs in our tests.
#
# ../shared/tools/k8s-test-binaries.sh builds it from Debian's source with Go 1.19, but Kubernetes
# 1.20 vendors github.com/modern-go/reflect2 v1.0.1, which crashes (SIGSEGV in reflect2.UnsafeIterate)
# under Go >= 1.18 as soon as a custom resource is decoded. v1.0.2 fixes it, and Debian ships it
# (golang-github-modern-go-reflect2-dev), so we rebuild kube-apiserver with that one vendored instead
# and put it where kube-api-test looks. Idempotent: a marker beside the binary records the fix.
# First run: about 5 minutes on 2 cores; later runs: instant.
set -euo pipefail
VERSION=1.20.2
DEST="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/${VERSION}-linux-amd64"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/k8s-src"
MARKER="$DEST/.reflect2-v1.0.2"
shared="${SHARED_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}"

bash "$shared/tools/k8s-test-binaries.sh" >/dev/null   # etcd, kubectl and the source package
if [ -f "$MARKER" ]; then echo "$DEST"; exit 0; fi

fixed="$CACHE/kube-apiserver-reflect2-v1.0.2"
if [ ! -x "$fixed" ]; then
  dpkg -s golang-github-modern-go-reflect2-dev >/dev/null 2>&1 || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null; apt-get install -y -qq golang-github-modern-go-reflect2-dev >/dev/null; }
  work="$CACHE/src-reflect2"
  rm -rf "$work" && mkdir -p "$work"
  tar xzf "$CACHE"/kubernetes_*.orig.tar.gz -C "$work" --strip-components=1
  vendored="$work/vendor/github.com/modern-go/reflect2"
  rm -rf "$vendored" && mkdir -p "$vendored"
  cp /usr/share/gocode/src/github.com/modern-go/reflect2/*.go /usr/share/gocode/src/github.com/modern-go/reflect2/*.s "$vendored"/
  rm -f "$vendored"/*_test.go
  sed -i 's#modern-go/reflect2 v1.0.1$#modern-go/reflect2 v1.0.2#' "$work/go.mod" "$work/vendor/modules.txt"
  (cd "$work" && mkdir -p .go/src/k8s.io && ln -sfn ../../.. .go/src/k8s.io/kubernetes &&
   PATH=/usr/lib/go-1.19/bin:$PATH CGO_ENABLED=0 GOPATH="$PWD/.go" GOCACHE="$CACHE/gocache" \
   make WHAT=cmd/kube-apiserver >"$CACHE/build-reflect2.log" 2>&1) \
    || { tail -20 "$CACHE/build-reflect2.log" >&2; exit 1; }
  cp "$work/_output/bin/kube-apiserver" "$fixed"
  rm -rf "$work"
fi
cp "$fixed" "$DEST/kube-apiserver"
touch "$MARKER"
echo "$DEST"
