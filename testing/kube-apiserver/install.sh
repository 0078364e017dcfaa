#!/usr/bin/env bash
# Puts a real kube-apiserver v1.20.2, etcd and kubectl where fabric8's kube-api-test looks for them
# (~/.kubeapitest/k8s/1.20.2-linux-amd64/, or $KUBE_API_TEST_DIR), so tests run a real API server
# without downloading anything.
#
# kube-apiserver is built once from Debian's `kubernetes` source package (the newest Kubernetes Debian
# ships with its Go dependencies vendored) with Debian's Go 1.19. Kubernetes 1.20 vendors
# github.com/modern-go/reflect2 v1.0.1, which crashes (SIGSEGV in reflect2.UnsafeIterate) under
# Go >= 1.18 as soon as a custom resource is decoded; Debian's v1.0.2 (golang-github-modern-go-reflect2-dev)
# is vendored in its place before the one build. etcd is Debian's etcd-server; kubectl is taken out of
# Debian's kubernetes-client package without installing it (the machine may have another kubectl).
#
# Usage: install.sh fetch   download the source and kubectl, unpack the source (needs apt's lists and a
#                           deb-src entry, not the build packages: testing/setup.sh runs it while apt installs)
#        install.sh [build] fetch if needed, then build and install (needs the packages testing/setup.sh
#                           installs); prints the binaries' folder
# Idempotent: a marker beside the binaries records a complete install. First run: about 3.5 minutes on
# 2 cores; later runs: instant.
set -euo pipefail
VERSION=1.20.2
DEST="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/${VERSION}-linux-amd64"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/provider-kind/kube-apiserver"
MARKER="$DEST/.built-with-reflect2-v1.0.2"
SRC="$CACHE/src"

installed() { [[ -f "$MARKER" && -x "$DEST/kube-apiserver" && -x "$DEST/etcd" && -x "$DEST/kubectl" ]]; }

fetch() {
  mkdir -p "$CACHE"
  cd "$CACHE"
  if [[ ! -x "$CACHE/kubectl" ]]; then
    rm -rf kubectl-deb && mkdir kubectl-deb
    (cd kubectl-deb && apt-get download kubernetes-client >/dev/null 2>&1 && dpkg-deb -x kubernetes-client_*.deb x) \
      || { echo "install.sh: cannot download Debian's kubernetes-client package" >&2; exit 1; }
    cp kubectl-deb/x/usr/bin/kubectl kubectl && rm -rf kubectl-deb
  fi
  [[ -x "$CACHE/kube-apiserver" || -f "$SRC/.unpacked" ]] && return 0
  ls kubernetes_*.orig.tar.gz >/dev/null 2>&1 || apt-get source --download-only kubernetes >/dev/null 2>&1 \
    || { echo "install.sh: cannot download Debian's kubernetes source (is a deb-src entry configured? testing/setup.sh adds one)" >&2; exit 1; }
  ls kubernetes_*"${VERSION}".orig.tar.gz >/dev/null 2>&1 \
    || { echo "install.sh: Debian's kubernetes source is not v${VERSION}: $(ls kubernetes_*.orig.tar.gz)" >&2; exit 1; }
  rm -rf "$SRC" && mkdir -p "$SRC"
  # tests are not built: leaving them out makes unpacking several times faster
  tar xzf kubernetes_*.orig.tar.gz -C "$SRC" --strip-components=1 --exclude='*_test.go'
  touch "$SRC/.unpacked"
}

build() {
  fetch
  cd "$CACHE"
  if [[ ! -x "$CACHE/kube-apiserver" ]]; then
    local vendored="$SRC/vendor/github.com/modern-go/reflect2"
    rm -rf "$vendored" && mkdir -p "$vendored"
    cp /usr/share/gocode/src/github.com/modern-go/reflect2/*.go /usr/share/gocode/src/github.com/modern-go/reflect2/*.s "$vendored"/
    rm -f "$vendored"/*_test.go
    sed -i 's#modern-go/reflect2 v1.0.1$#modern-go/reflect2 v1.0.2#' "$SRC/go.mod" "$SRC/vendor/modules.txt"
    # The release source holds every generated file but the OpenAPI definitions: generate those alone rather
    # than all of `make`'s generators. GOGC=400 spends memory (plenty here) to save the compiler's GC time.
    (cd "$SRC" && mkdir -p .go/src/k8s.io && ln -sfn ../../.. .go/src/k8s.io/kubernetes &&
     export PATH=/usr/lib/go-1.19/bin:$PATH CGO_ENABLED=0 GOPATH="$SRC/.go" GOCACHE="$SRC/.gocache" GOGC=400 \
            KUBE_GIT_VERSION="v${VERSION}" KUBE_GIT_TREE_STATE=clean &&
     make gen_openapi && hack/make-rules/build.sh cmd/kube-apiserver) >"$CACHE/build.log" 2>&1 \
      || { echo "install.sh: building kube-apiserver failed; $CACHE/build.log ends with:" >&2; tail -20 "$CACHE/build.log" >&2; exit 1; }
    cp "$SRC/_output/bin/kube-apiserver" kube-apiserver.tmp && mv kube-apiserver.tmp kube-apiserver
    rm -rf "$SRC"
  fi
  command -v etcd >/dev/null || { echo "install.sh: etcd is missing (apt-get install etcd-server, or make setup)" >&2; exit 1; }
  mkdir -p "$DEST"
  cp "$CACHE/kube-apiserver" "$DEST/kube-apiserver"
  cp "$(command -v etcd)" "$DEST/etcd"
  cp "$CACHE/kubectl" "$DEST/kubectl"
  touch "$MARKER"
}

installed && { echo "$DEST"; exit 0; }
case "${1:-build}" in
  fetch) fetch ;;
  build) build; echo "$DEST" ;;
  *) echo "usage: install.sh [fetch|build]" >&2; exit 2 ;;
esac
