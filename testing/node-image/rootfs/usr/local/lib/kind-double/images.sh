# The image store shared by the node's ctr and crictl stand-ins (sourced, busybox sh).
#
# containerd keeps images in its metadata database; the double keeps what CRI reports about them:
# one directory per image ID under $STORE, with `tags` (repo tags, one a line), `digests` (repo
# digests) and `size` (bytes), per containerd namespace (CRI sees k8s.io only). An image name belongs
# to one image at a time, as in containerd, so recording a name for one image takes it from any other.
# /var is a volume: images survive restarts of the node.
STORE="/var/lib/containerd/io.containerd.kind-double.v1/${IMAGES_NAMESPACE:-k8s.io}/images"

# docker's ParseNormalizedNamed, then TagNameOnly: docker.io/ for names without a registry,
# library/ for docker.io names without a path, :latest without a tag or digest.
normalize_ref() {
  ref="$1"
  case "$ref" in
    */*) first="${ref%%/*}" ;;
    *) first="" ;;
  esac
  case "$first" in
    *.*|*:*|localhost) ;;
    *) case "$ref" in
         */*) ref="docker.io/$ref" ;;
         *) ref="docker.io/library/$ref" ;;
       esac ;;
  esac
  last="${ref##*/}"
  case "$last" in
    *@*|*:*) ;;
    *) ref="$ref:latest" ;;
  esac
  printf '%s\n' "$ref"
}

# the image ID (hex) that holds the normalized name $1, if any
store_by_ref() {
  [ -d "$STORE" ] || return 1
  hit="$(grep -lxF -- "$1" "$STORE"/*/tags "$STORE"/*/digests 2>/dev/null | head -n 1)"
  [ -n "$hit" ] || return 1
  hit="${hit%/*}"
  printf '%s\n' "${hit##*/}"
}

# the image ID (hex) for a full ID, an ID without sha256:, or an unambiguous prefix of one
store_by_id() {
  id="${1#sha256:}"
  case "$id" in ''|*[!0-9a-f]*) return 1 ;; esac
  [ -d "$STORE/$id" ] && { printf '%s\n' "$id"; return 0; }
  set -- "$STORE/$id"*
  [ $# -eq 1 ] && [ -d "$1" ] || return 1
  printf '%s\n' "${1##*/}"
}

# an image by ID or name, as CRI's ImageStatus resolves what crictl passes
store_resolve() {
  store_by_id "$1" || store_by_ref "$(normalize_ref "$1")"
}

# store_record <id hex> <size> <kind: tags|digests> <name>...: the names now point at this image
store_record() {
  id="$1" size="$2" list="$3"
  shift 3
  mkdir -p "$STORE/$id"
  touch "$STORE/$id/tags" "$STORE/$id/digests"
  printf '%s\n' "$size" >"$STORE/$id/size"
  for name in "$@"; do
    for other in "$STORE"/*/tags "$STORE"/*/digests; do
      [ -f "$other" ] && grep -qxF -- "$name" "$other" || continue
      grep -vxF -- "$name" "$other" >"$other.new"
      mv "$other.new" "$other"
    done
    printf '%s\n' "$name" >>"$STORE/$id/$list"
  done
}

# the registry host of a normalized name (what hosts.toml directories are named by)
ref_host() { printf '%s\n' "${1%%/*}"; }

# go-units' HumanSizeWithPrecision(size, 3), what crictl prints in SIZE
human_size() {
  awk -v s="$1" 'BEGIN { split("B kB MB GB TB PB", u, " "); i = 1
    while (s >= 1000 && i < 6) { s /= 1000; i++ }
    printf "%.3g%s\n", s, u[i] }'
}
