#!/usr/bin/env bash
# Builds provider-kind-test/jre:17, a local stand-in for the provider image's base (eclipse-temurin:17-jre),
# with `docker import` from local files: no registry is needed. Tests build images/provider/Dockerfile on it
# with --build-arg JRE_IMAGE=provider-kind-test/jre:17.
#
# Like Temurin's JRE it is a jlink'ed Java 17 runtime (this machine's JDK minus its development tools) in
# /opt/java/openjdk, on PATH, with no shell, no user database and a world-writable /tmp. Besides the
# runtime it holds only the shared libraries the runtime links (ldd) and the C.UTF-8 locale.
#
# Idempotent: an image whose io.provider-kind.test.build label matches the hash of its inputs is kept.
# Usage: build-jre-image.sh [--force]   (JAVA17_HOME: the JDK to take the runtime from)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
force="${1:-}"
image="provider-kind-test/jre:17"
jdk="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
java_home=/opt/java/openjdk
# a JDK's modules that Temurin's JRE leaves out: compilers, debuggers, diagnostic and packaging tools
not_in_a_jre='^jdk\.(compiler|javadoc|jshell|jlink|jdeps|jartool|jpackage|jconsole|hotspot\.agent|jcmd|jstatd|jdi|editpad|internal\.(ed|le|opt)|incubator\..*)$'

if [[ ! -x "$jdk/bin/jlink" || ! -d "$jdk/jmods" ]]; then
  echo "build-jre-image: no Java 17 JDK with jlink and jmods in $jdk (install openjdk-17-jdk-headless or set JAVA17_HOME)" >&2
  exit 1
fi
if ! "$jdk/bin/java" -version 2>&1 | grep -q '"17\.'; then
  echo "build-jre-image: $jdk is not Java 17" >&2
  exit 1
fi

system_libraries() { # the libraries outside the runtime that its programs and libraries link
  local runtime="$1"
  { find "$runtime/bin" "$runtime/lib" -type f \( -perm -u+x -o -name '*.so' \) -print0 | xargs -0 ldd 2>/dev/null || true; } \
    | awk -v runtime="$runtime/" '/=> \//{lib=$3} /^\t\/lib/{lib=$1} lib && index(lib, runtime) != 1 {print lib} {lib=""}' \
    | sort -u
}

inputs_hash() { # of contents only, so that the path the script is called by does not matter
  {
    cat "$jdk/release" "$here/build-jre-image.sh" | sha256sum
    cat "$jdk"/jmods/*.jmod | sha256sum
    system_libraries "$jdk" | xargs -r cat | sha256sum
  } | sha256sum | cut -c1-16
}

make_rootfs() { # dir
  local root="$1" lib modules
  mkdir -p "$root"/{opt/java,tmp,etc}
  chmod 1777 "$root/tmp"
  modules="$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -Ev "$not_in_a_jre" | paste -sd,)"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$root$java_home"
  for lib in $(system_libraries "$root$java_home"); do
    mkdir -p "$root/$(dirname "$lib")"
    cp -L "$lib" "$root/$lib"
  done
  if [[ -d /usr/lib/locale/C.utf8 ]]; then
    mkdir -p "$root/usr/lib/locale" && cp -a /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
  fi
}

hash="$(inputs_hash)"
current="$(docker image inspect -f '{{ index .Config.Labels "io.provider-kind.test.build" }}' "$image" 2>/dev/null || true)"
if [[ "$current" == "$hash" && "$force" != "--force" ]]; then
  echo "$image is up to date (build $hash)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_rootfs "$work/rootfs"
previous="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
tar --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -cf - . | docker import \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change 'ENV LANG=C.UTF-8' \
  --change "LABEL io.provider-kind.test.build=$hash" \
  --change "LABEL io.provider-kind.test.stands-in-for=eclipse-temurin:17-jre" \
  - "$image" >/dev/null
# the image this one replaces is left untagged; drop it unless something still uses it
if [[ -n "$previous" ]]; then docker rmi "$previous" >/dev/null 2>&1 || true; fi
echo "built $image (build $hash)"
