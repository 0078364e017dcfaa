#!/usr/bin/env bash
# Builds the kind test double's node images, kindest/node:v1.31.0 (kind v0.24's default) and
# kindest/node:v1.30.4, with `docker import` from local files: no registry is needed.
#
# A node is busybox (static) + socat and the shared libraries it links, plus the scripts in rootfs/:
# an entrypoint, an init that supervises the API server or the load balancer, and the HTTP handler.
# /kind/version holds the Kubernetes version, as in real node images.
#
# Idempotent: an image whose io.x-k8s.kind-double.build label matches the hash of its inputs is kept.
# Usage: build-node-image.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
force="${1:-}"

# tag, git commit, build date, go version: what kube-apiserver of that release answers on /version
releases=(
  "v1.31.0 9edcffcde5595e8a5b1a35f88c421764e575afce 2024-08-13T07:28:49Z go1.22.5"
  "v1.30.4 a51b3b711150f57ffc1f526a640ec058514ed596 2024-08-14T19:02:46Z go1.22.5"
)

busybox="$(command -v busybox || true)"
socat="$(command -v socat || true)"
if [[ -z "$busybox" || -z "$socat" ]]; then
  echo "build-node-image: busybox and socat are required (run testing/setup.sh)" >&2
  exit 1
fi
if ldd "$busybox" >/dev/null 2>&1; then
  echo "build-node-image: $busybox is not statically linked (install busybox-static)" >&2
  exit 1
fi

inputs_hash() { # of contents only, so that the path the script is called by does not matter
  {
    cat "$busybox" "$socat" "$here/build-node-image.sh" | sha256sum
    ldd "$socat" | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | xargs -r cat | sha256sum
    (cd "$here/rootfs" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16
}

version_json() { # tag commit date go
  local tag="$1" minor
  minor="$(echo "$tag" | cut -d. -f2)"
  cat <<EOF
{
  "major": "1",
  "minor": "$minor",
  "gitVersion": "$tag",
  "gitCommit": "$2",
  "gitTreeState": "clean",
  "buildDate": "$3",
  "goVersion": "$4",
  "compiler": "gc",
  "platform": "linux/amd64"
}
EOF
}

make_rootfs() { # dir
  local root="$1" applet lib
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc/kubernetes/pki,kind/manifests,tmp,run,var,root}
  chmod 1777 "$root/tmp"
  # our scripts first, then busybox applets where no file is: the applet links point at /bin/busybox,
  # and writing through such a link while building would write to the host's busybox
  cp -a "$here/rootfs/." "$root/"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list-full); do
    [[ -e "$root/$applet" || -L "$root/$applet" ]] || ln -s /bin/busybox "$root/$applet"
  done
  cp "$socat" "$root/usr/bin/socat"
  for lib in $(ldd "$socat" | awk '/=> \//{print $3} /^\t\/lib/{print $1}'); do
    mkdir -p "$root/$(dirname "$lib")"
    cp -L "$lib" "$root/$lib"
  done
  chmod 0755 "$root"/usr/local/bin/* "$root/sbin/init"
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\n' >"$root/etc/group"
  cat >"$root/kind/manifests/default-storage.yaml" <<'EOF'
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
EOF
}

hash="$(inputs_hash)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_rootfs "$work/rootfs"

for release in "${releases[@]}"; do
  read -r tag commit date go <<<"$release"
  image="kindest/node:$tag"
  current="$(docker image inspect -f '{{ index .Config.Labels "io.x-k8s.kind-double.build" }}' "$image" 2>/dev/null || true)"
  if [[ "$current" == "$hash" && "$force" != "--force" ]]; then
    echo "$image is up to date (build $hash)"
    continue
  fi
  previous="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
  printf '%s\n' "$tag" >"$work/rootfs/kind/version"
  version_json "$tag" "$commit" "$date" "$go" >"$work/rootfs/kind/version.json"
  tar --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -cf - . | docker import \
    --change 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV container=docker' \
    --change "LABEL io.x-k8s.kind-double.build=$hash" \
    --change "LABEL io.x-k8s.kind-double.kubernetes-version=$tag" \
    - "$image" >/dev/null
  # the image this one replaces is left untagged; drop it unless a node still runs on it
  [[ -n "$previous" ]] && docker rmi "$previous" >/dev/null 2>&1 || true
  echo "built $image (build $hash)"
done
