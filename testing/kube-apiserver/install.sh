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
# Needs the packages and the deb-src entry that testing/setup.sh provides. Idempotent: a marker beside
# the binaries records a complete install. First run: about 4 minutes on 2 cores; later runs: instant.
set -euo pipefail
VERSION=1.20.2
DEST="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/${VERSION}-linux-amd64"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/provider-kind/kube-apiserver"
MARKER="$DEST/.built-with-reflect2-v1.0.2"
if [[ -f "$MARKER" && -x "$DEST/kube-apiserver" && -x "$DEST/etcd" && -x "$DEST/kubectl" ]]; then
  echo "$DEST"; exit 0
fi
mkdir -p "$CACHE" "$DEST"
cd "$CACHE"

if [[ ! -x "$CACHE/kube-apiserver" ]]; then
  ls kubernetes_*.orig.tar.gz >/dev/null 2>&1 || apt-get source --download-only kubernetes >/dev/null 2>&1 \
    || { echo "install.sh: cannot download Debian's kubernetes source (is a deb-src entry configured? testing/setup.sh adds one)" >&2; exit 1; }
  ls kubernetes_*"${VERSION}".orig.tar.gz >/dev/null 2>&1 \
    || { echo "install.sh: Debian's kubernetes source is not v${VERSION}: $(ls kubernetes_*.orig.tar.gz)" >&2; exit 1; }
  src="$CACHE/src"
  rm -rf "$src" && mkdir -p "$src"
  tar xzf kubernetes_*.orig.tar.gz -C "$src" --strip-components=1
  vendored="$src/vendor/github.com/modern-go/reflect2"
  rm -rf "$vendored" && mkdir -p "$vendored"
  cp /usr/share/gocode/src/github.com/modern-go/reflect2/*.go /usr/share/gocode/src/github.com/modern-go/reflect2/*.s "$vendored"/
  rm -f "$vendored"/*_test.go
  sed -i 's#modern-go/reflect2 v1.0.1$#modern-go/reflect2 v1.0.2#' "$src/go.mod" "$src/vendor/modules.txt"
  (cd "$src" && mkdir -p .go/src/k8s.io && ln -sfn ../../.. .go/src/k8s.io/kubernetes &&
   PATH=/usr/lib/go-1.19/bin:$PATH CGO_ENABLED=0 GOPATH="$src/.go" GOCACHE="$CACHE/gocache" \
   KUBE_GIT_VERSION="v${VERSION}" KUBE_GIT_TREE_STATE=clean \
   make WHAT=cmd/kube-apiserver >"$CACHE/build.log" 2>&1) \
    || { echo "install.sh: building kube-apiserver failed; $CACHE/build.log ends with:" >&2; tail -20 "$CACHE/build.log" >&2; exit 1; }
  cp "$src/_output/bin/kube-apiserver" "$CACHE/kube-apiserver.tmp" && mv "$CACHE/kube-apiserver.tmp" "$CACHE/kube-apiserver"
  rm -rf "$src" "$CACHE/gocache"
fi

if [[ ! -x "$CACHE/kubectl" ]]; then
  rm -rf "$CACHE/kubectl-deb" && mkdir -p "$CACHE/kubectl-deb"
  (cd "$CACHE/kubectl-deb" && apt-get download kubernetes-client >/dev/null 2>&1 && dpkg-deb -x kubernetes-client_*.deb x) \
    || { echo "install.sh: cannot download Debian's kubernetes-client package" >&2; exit 1; }
  cp "$CACHE/kubectl-deb/x/usr/bin/kubectl" "$CACHE/kubectl"
  rm -rf "$CACHE/kubectl-deb"
fi

command -v etcd >/dev/null || { echo "install.sh: etcd is missing (apt-get install etcd-server, or make setup)" >&2; exit 1; }
cp "$CACHE/kube-apiserver" "$DEST/kube-apiserver"
cp "$(command -v etcd)" "$DEST/etcd"
cp "$CACHE/kubectl" "$DEST/kubectl"
touch "$MARKER"
echo "$DEST"
