#!/usr/bin/env bash
# Installs what the kind test double and its node image need, then builds the node images and the
# stand-in for the provider image's JRE base.
# Idempotent: packages are installed only when missing, images rebuilt only when their inputs changed.
# Needs a running Docker engine (../shared/tools/start-dockerd.sh; .ci/setup starts it first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# python3 + python3-yaml: the double (Debian's /usr/bin/python3); busybox-static + socat: the node
# image's userland and API server; openssl: the cluster PKI; curl: the contract test's client;
# openjdk-17-jdk-headless: jlink and the jmods the JRE image is made of; jq: package/build-xpkg.sh edits
# OCI image manifests with it (install-test runs that script).
packages=(python3 python3-yaml busybox-static socat openssl curl openjdk-17-jdk-headless jq)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "testing/setup.sh: no Docker engine answers; start one first (../shared/tools/start-dockerd.sh)" >&2
  exit 1
fi
bash "$here/node-image/build-node-image.sh"
bash "$here/jre-image/build-jre-image.sh"
echo "kind test double ready: $here/kind-double/kind ($("$here/kind-double/kind" version))"
