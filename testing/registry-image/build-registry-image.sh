#!/usr/bin/env bash
# Builds provider-kind-test/registry:2, the tests' stand-in for Docker's `registry:2` image (which cannot
# be pulled here), with `docker import` from Debian's docker-registry package: the CNCF distribution
# registry 2.8 that registry:2 also runs. Same shape as registry:2: the binary at /bin/registry,
# `registry serve /etc/docker/registry/config.yml`, HTTP on :5000, filesystem storage under
# /var/lib/registry (a volume), no authentication.
#
# Idempotent: an image whose io.provider-kind.test.build label matches the hash of its inputs is kept.
# Usage: build-registry-image.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
force="${1:-}"
image="provider-kind-test/registry:2"
registry=/usr/bin/docker-registry
if [[ ! -x "$registry" ]]; then
  echo "build-registry-image: $registry is missing (apt package docker-registry; run testing/setup.sh)" >&2
  exit 1
fi

libs() { ldd "$registry" | awk '/=> \//{print $3} /^\t\/lib/{print $1}'; }

inputs_hash() { # of contents only, so that the path the script is called by does not matter
  {
    cat "$registry" "$here/build-registry-image.sh" | sha256sum
    libs | xargs -r cat | sha256sum
  } | sha256sum | cut -c1-16
}

hash="$(inputs_hash)"
current="$(docker image inspect -f '{{ index .Config.Labels "io.provider-kind.test.build" }}' "$image" 2>/dev/null || true)"
if [[ "$current" == "$hash" && "$force" != "--force" ]]; then
  echo "$image is up to date (build $hash)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{bin,etc/docker/registry,var/lib/registry,tmp}
chmod 1777 "$root/tmp"
cp "$registry" "$root/bin/registry"
for lib in $(libs); do
  mkdir -p "$root/$(dirname "$lib")"
  cp -L "$lib" "$root/$lib"
done
# registry:2's own configuration: Debian's differs (storage under /var/lib/docker-registry, htpasswd auth)
cat >"$root/etc/docker/registry/config.yml" <<'YAML'
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
YAML
printf 'root:x:0:0:root:/root:/sbin/nologin\n' >"$root/etc/passwd"

previous="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . | docker import \
  --change 'ENTRYPOINT ["/bin/registry", "serve"]' \
  --change 'CMD ["/etc/docker/registry/config.yml"]' \
  --change 'EXPOSE 5000/tcp' \
  --change 'VOLUME /var/lib/registry' \
  --change "LABEL io.provider-kind.test.build=$hash" \
  --change 'LABEL io.provider-kind.test.stands-in-for=registry:2' \
  - "$image" >/dev/null
# the image this one replaces is left untagged; drop it unless a container still uses it
[[ -n "$previous" ]] && docker rmi "$previous" >/dev/null 2>&1 || true
echo "built $image (build $hash, $("$registry" --version 2>/dev/null | awk '{print $NF}'))"
