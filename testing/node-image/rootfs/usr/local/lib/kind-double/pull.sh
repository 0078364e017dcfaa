# `crictl pull` as containerd 1.7's CRI plugin pulls (sourced by crictl; busybox sh + wget).
#
# Registry hosts as containerd's remotes/docker/config: when config.toml sets the CRI registry
# `config_path`, <config_path>/<host[:port]>/hosts.toml lists `[host."URL"]` entries (capabilities
# default to pull + resolve) tried in order, then `server` (default: the registry itself); without
# config_path or without that file only the registry itself is tried, over HTTPS, or HTTP for
# localhost/127.0.0.1. The tag is resolved on the first host that has it (GET of
# /v2/<repo>/manifests/<tag> with the Accept list of containerd); an index is narrowed to linux/amd64;
# the config blob is fetched and checked against its digest, and the image recorded under its config
# digest (the image ID) with the name and the repo digest. Layers are not fetched: nothing runs them.
#
# Nothing leaves the machine: only single-label names (containers of the node's networks), localhost
# and private or loopback IPs are contacted; any other host fails as on an offline node. HTTPS is never
# spoken: an HTTPS host is probed over plain HTTP, to answer what containerd answers when the registry
# talks HTTP ("server gave HTTP response to HTTPS client") or cannot be reached.
ACCEPT="application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, */*"

config_path() {
  sed -n 's/^[[:space:]]*config_path[[:space:]]*=[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' /etc/containerd/config.toml | tail -n 1
}

# "URL capabilities..." per line, in the order containerd tries them
registry_hosts() {
  host="$1" dir="$(config_path)" file=""
  [ -n "$dir" ] && [ -f "$dir/$host/hosts.toml" ] && file="$dir/$host/hosts.toml"
  case "${host%:*}" in localhost|127.*|::1|\[::1\]) default="http://$host" ;; *) default="https://$host" ;; esac
  [ "$host" = docker.io ] && default="https://registry-1.docker.io"
  if [ -n "$file" ]; then
    awk -v dflt="$default" '
      function flush() { if (url != "") print url " " (caps == "" ? "pull resolve" : caps); url = ""; caps = "" }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*\[host\."[^"]*"\][[:space:]]*$/ { flush(); s = $0; sub(/^[^"]*"/, "", s); sub(/".*$/, "", s); url = s; inhost = 1; next }
      /^[[:space:]]*\[/ { inhost = 0; next }
      /^[[:space:]]*server[[:space:]]*=/ && url == "" && !seen { s = $0; sub(/^[^"]*"/, "", s); sub(/".*$/, "", s); server = s; next }
      /^[[:space:]]*capabilities[[:space:]]*=/ && inhost { s = $0; sub(/^[^[]*\[/, "", s); sub(/\].*$/, "", s); gsub(/[",]/, " ", s); gsub(/[[:space:]]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); caps = s }
      END { flush(); print (server == "" ? dflt : server) " pull resolve push" }
    ' "$file"
  else
    echo "$default pull resolve push"
  fi
}

allowed() { # the host part of a URL may be contacted
  authority="${1#*://}"; authority="${authority%%/*}"; name="${authority%:*}"
  case "$name" in
    localhost|127.*|10.*|192.168.*|172.1[6-9].*|172.2[0-9].*|172.3[01].*) return 0 ;;
    *[!a-z0-9-]*|'') return 1 ;;
    *) return 0 ;;
  esac
}

# net_error <url> <wget stderr>: Go's net/http error text for what wget reported
net_error() {
  authority="${1#*://}"; authority="${authority%%/*}"; name="${authority%:*}"
  port="${authority##*:}"; [ "$port" = "$authority" ] && { case "$1" in https*) port=443 ;; *) port=80 ;; esac; }
  case "$2" in
    *"Connection refused"*) ip="$(printf '%s' "$2" | sed -n 's/.*remote host (\([^)]*\)).*/\1/p')"; echo "dial tcp ${ip:-$name}:$port: connect: connection refused" ;;
    *"bad address"*) echo "dial tcp: lookup $name on 127.0.0.11:53: no such host" ;;
    *"timed out"*|"") echo "dial tcp $name:$port: i/o timeout" ;;
    *) echo "$2" ;;
  esac
}

# fetch <url> <out>: 0 with the body in <out>; else prints "status <code>" or "error <text>"
fetch() {
  if ! allowed "$1"; then
    name="${1#*://}"; name="${name%%/*}"; echo "error dial tcp: lookup ${name%:*} on 127.0.0.11:53: no such host"; return 1
  fi
  case "$1" in
    https://*)
      plain="http://${1#https://}"
      if err="$(timeout 10 wget -q -O /dev/null "$plain" 2>&1)"; then
        echo "error http: server gave HTTP response to HTTPS client"
      else
        case "$err" in
          *"server returned error"*) echo "error http: server gave HTTP response to HTTPS client" ;;
          *) echo "error $(net_error "$1" "$err")" ;;
        esac
      fi
      return 1 ;;
  esac
  err="$(timeout 10 wget -q -O "$2" --header "Accept: $ACCEPT" "$1" 2>&1)" && return 0
  case "$err" in
    *"server returned error: HTTP/1."?" "*) code="${err#*HTTP/1.? }"; echo "status ${code%% *}" ;;
    *) echo "error $(net_error "$1" "$err")" ;;
  esac
  return 1
}

base_url() { # a host URL without a path gets /v2, as containerd adds it
  case "${1#*://}" in */*) echo "${1%/}" ;; *) echo "$1/v2" ;; esac
}

# flattened JSON helpers: the first "digest" of the "config" object, the sizes of the layers
json_flat() { tr -d '\n\t\r ' <"$1"; }

pull() {
  for arg in "$@"; do case "$arg" in -*) ;; *) image="$arg" ;; esac; done
  [ -n "${image:-}" ] || fatal "ID cannot be empty"
  name="$(normalize_ref "$image")"
  host="$(ref_host "$name")" rest="${name#*/}"
  case "$rest" in *@*) repo="${rest%@*}" object="${rest#*@}" ;; *) repo="${rest%:*}" object="${rest##*:}" ;; esac
  work="$(mktemp -d /tmp/crictl-pull.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  rpc="rpc error: code = Unknown desc = failed to pull and unpack image \"$name\""
  first_err="" found=""
  registry_hosts "$host" >"$work/hosts"
  while read -r url caps; do
    case " $caps " in *" resolve "*) ;; *) continue ;; esac
    case "$url" in *://*) ;; *) url="https://$url" ;; esac   # containerd's default scheme for a bare host
    target="$(base_url "$url")/$repo/manifests/$object"
    if outcome="$(fetch "$target" "$work/manifest")"; then found="$url"; break; fi
    case "$outcome" in
      "status 404") ;;
      status*) [ -n "$first_err" ] || first_err="unexpected status from HEAD request to $target: ${outcome#status }" ;;
      *) [ -n "$first_err" ] || first_err="failed to do request: Head \"$target\": ${outcome#error }" ;;
    esac
  done <"$work/hosts"
  if [ -z "$found" ]; then
    if [ -z "$first_err" ]; then
      fatal "pulling image: rpc error: code = NotFound desc = failed to pull and unpack image \"$name\": failed to resolve reference \"$name\": $name: not found"
    fi
    fatal "pulling image: $rpc: failed to resolve reference \"$name\": $first_err"
  fi
  base="$(base_url "$found")/$repo"
  repo_digest="sha256:$(sha256sum "$work/manifest" | cut -d' ' -f1)"
  flat="$(json_flat "$work/manifest")"
  case "$flat" in
    *'"manifests":['*)
      platform="$(printf '%s' "$flat" | tr ',{}' '\n\n\n' | awk -F'"' '/"digest":/ { d = $4 } /"architecture":"amd64"/ { print d; exit }')"
      [ -n "$platform" ] || fatal "pulling image: $rpc: no match for platform in manifest: not found"
      fetch "$base/manifests/$platform" "$work/manifest" >/dev/null || fatal "pulling image: $rpc: failed to fetch manifest $platform"
      flat="$(json_flat "$work/manifest")" ;;
  esac
  config="$(printf '%s' "$flat" | sed -n 's/.*"config":{\([^}]*\)}.*/\1/p' | sed -n 's/.*"digest":"\(sha256:[0-9a-f]*\)".*/\1/p')"
  [ -n "$config" ] || fatal "pulling image: $rpc: unexpected media type in manifest"
  if ! outcome="$(fetch "$base/blobs/$config" "$work/config")"; then
    fatal "pulling image: $rpc: failed to copy: httpReadSeeker: failed open: ${outcome#* }"
  fi
  actual="sha256:$(sha256sum "$work/config" | cut -d' ' -f1)"
  [ "$actual" = "$config" ] || fatal "pulling image: $rpc: failed commit on ref \"config-$config\": unexpected commit digest $actual, expected $config: failed precondition"
  layers="$(printf '%s' "$flat" | sed -n 's/.*"layers":\[\(.*\)\].*/\1/p' | grep -o '"size":[0-9]*' | cut -d: -f2)"
  size=0
  for bytes in $layers; do size=$((size + bytes)); done
  id="${config#sha256:}"
  case "$name" in
    *@*) store_record "$id" "$size" digests "$name" ;;
    *) store_record "$id" "$size" tags "$name"; store_record "$id" "$size" digests "${name%:*}@$repo_digest" ;;
  esac
  echo "Image is up to date for $config"
}
