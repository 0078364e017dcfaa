#!/usr/bin/env bash
# Contract test of the kind test double on the real Docker engine: the behaviours kindserver relies on.
# Talks to loopback only; removes every container, file and (if it made it and it is unused) the `kind`
# network it created. Ends with "N passed, N failed"; exits non-zero when anything failed.
# Usage: contract-test.sh            (KIND=<path> to test another kind binary)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
KIND="${KIND:-$here/kind}"
export KIND_DOUBLE_STEP_SECONDS="${KIND_DOUBLE_STEP_SECONDS:-0.2}"
tmp="$(mktemp -d)"
export HOME="$tmp/home" KUBECONFIG="$tmp/kubeconfig"   # never the operator's ~/.kube/config
unset KIND_CLUSTER_NAME
p="kdct$$"                                                 # every cluster this test makes starts so
kdh="kdh-ct$$"                          # and every image and the registry container of the image checks
network_existed=$(docker network ls -q --filter name='^kind$' | grep -c . || true)
passed=0 failed=0 pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  docker rm -f -v "$kdh-registry" >/dev/null 2>&1
  docker images --format '{{.Repository}}:{{.Tag}}' | grep -E "^$kdh/|/$kdh/" | xargs -r docker rmi >/dev/null 2>&1
  for c in $(docker ps -a --filter label=io.x-k8s.kind.cluster --format '{{.Label "io.x-k8s.kind.cluster"}}' | sort -u); do
    [[ "$c" == "$p"-* ]] && docker ps -aq --filter "label=io.x-k8s.kind.cluster=$c" | xargs -r docker rm -f -v >/dev/null
  done
  if [[ "$network_existed" == 0 ]] && [[ "$(docker network inspect kind -f '{{len .Containers}}' 2>/dev/null)" == 0 ]]; then
    docker network rm kind >/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [[ -n "${2:-}" ]] && printf '     %s\n' "$2"; }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
equals() { if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected: $(printf %q "$3") got: $(printf %q "$2")"; fi; }
contains() { if grep -qF -- "$3" <<<"$2"; then pass "$1"; else fail "$1" "missing: $3 in: $2"; fi; }

# kind runs: $rc, $out (stdout), $err (stderr)
run() { "$KIND" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; out="$(cat "$tmp/out")"; err="$(cat "$tmp/err")"; }
nodes_of() { docker ps -a --filter "label=io.x-k8s.kind.cluster=$1" --format '{{.Names}}' | sort | tr '\n' ' '; }
label() { docker inspect -f "{{ index .Config.Labels \"$2\" }}" "$1"; }
kc() { # field of the kubeconfig at $1 for cluster entry kind-$2: server | ca | cert | key | current
  python3 - "$@" <<'EOF'
import base64, sys, yaml
path, name, field = sys.argv[1], "kind-" + sys.argv[2], sys.argv[3]
cfg = yaml.safe_load(open(path)) or {}
if field == "current":
    print(cfg.get("current-context", "")); sys.exit()
if field == "names":
    print(" ".join(e["name"] for s in ("clusters", "users", "contexts") for e in cfg.get(s) or [])); sys.exit()
cluster = next(c["cluster"] for c in cfg["clusters"] if c["name"] == name)
user = next(u["user"] for u in cfg["users"] if u["name"] == name)
value = {"server": cluster["server"], "ca": cluster.get("certificate-authority-data"),
         "cert": user.get("client-certificate-data"), "key": user.get("client-key-data")}[field]
print(value if field == "server" else base64.b64decode(value).decode(), end="")
EOF
}
creds() { kc "$1" "$2" ca >"$tmp/ca.crt"; kc "$1" "$2" cert >"$tmp/client.crt"; kc "$1" "$2" key >"$tmp/client.key"; }
steps_of() { grep -E '^ [•✓✗] ' <<<"$1"; }

single=$'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  apiServerAddress: 127.0.0.1\n'
expected_steps=" • Ensuring node image (kindest/node:v1.31.0) 🖼  ...
 ✓ Ensuring node image (kindest/node:v1.31.0) 🖼
 • Preparing nodes 📦   ...
 ✓ Preparing nodes 📦 
 • Writing configuration 📜  ...
 ✓ Writing configuration 📜
 • Starting control-plane 🕹️  ...
 ✓ Starting control-plane 🕹️
 • Installing CNI 🔌  ...
 ✓ Installing CNI 🔌
 • Installing StorageClass 💾  ...
 ✓ Installing StorageClass 💾"

echo "# CLI surface"
run version; check "version prints kind's version line" grep -qE '^kind v0\.24\.0 go[0-9.]+ linux/amd64$' <<<"$out"
run version -q; equals "version -q prints the bare semver" "$out" "0.24.0"
run create cluster --bogus; equals "unknown flag exits 1" "$rc" 1; equals "unknown flag error text" "$err" "ERROR: unknown flag: --bogus"
run bogus; equals "unknown command error text" "$err" 'ERROR: unknown command "bogus" for "kind"'
run -q create cluster --bogus; equals "-q silences errors but still exits 1" "$rc/$err" "1/"
run get clusters
if [[ -z "$out" ]]; then equals "no clusters: notice on stderr" "$err" "No kind clusters found."
else equals "clusters listed: no notice" "$err" ""; fi

echo "# create (single node, config file, explicit kubeconfig)"
A="$p-a"; printf '%s' "$single" >"$tmp/a.yaml"; kca="$tmp/a/kubeconfig"
started=$(date +%s.%N)
run create cluster --name "$A" --config "$tmp/a.yaml" --kubeconfig "$kca"
elapsed=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
equals "create exits 0" "$rc" 0
equals "first line names the cluster" "$(head -1 <<<"$err")" "Creating cluster \"$A\" ..."
equals "step lines, in kind's order and format" "$(steps_of "$err")" "$expected_steps"
contains "context line" "$err" "Set kubectl context to \"kind-$A\""
contains "usage line names the explicit kubeconfig" "$err" "kubectl cluster-info --context kind-$A --kubeconfig $kca"
equals "a blank line, then one of kind's salutations" "$(tail -2 <<<"$err" | head -1)|$(tail -1 <<<"$err" | grep -cxF -e \
  "Have a nice day! 👋" -e "Thanks for using kind! 😊" -e "Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂" \
  -e "Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/")" "|1"
echo "     (create took ${elapsed}s at ${KIND_DOUBLE_STEP_SECONDS}s a step)"
equals "node container named <name>-control-plane" "$(nodes_of "$A")" "$A-control-plane "
equals "cluster label" "$(label "$A-control-plane" io.x-k8s.kind.cluster)" "$A"
equals "role label" "$(label "$A-control-plane" io.x-k8s.kind.role)" "control-plane"
equals "hostname is the name" "$(docker inspect -f '{{.Config.Hostname}}' "$A-control-plane")" "$A-control-plane"
equals "attached to the kind network" "$(docker inspect -f '{{ range $n, $_ := .NetworkSettings.Networks }}{{ $n }} {{ end }}' "$A-control-plane")" "kind "
port=$(docker inspect -f '{{ (index (index .NetworkSettings.Ports "6443/tcp") 0).HostPort }}' "$A-control-plane")
equals "API server published on 127.0.0.1" "$(docker inspect -f '{{ (index (index .NetworkSettings.Ports "6443/tcp") 0).HostIp }}' "$A-control-plane")" "127.0.0.1"
equals "/kind/version in the node" "$(docker exec "$A-control-plane" cat /kind/version)" "v1.31.0"
contains "admin.conf in the node points inside the network" "$(docker exec "$A-control-plane" cat /etc/kubernetes/admin.conf)" "server: https://$A-control-plane:6443"
run get clusters; contains "get clusters lists it" "$out" "$A"
run get nodes --name "$A"; equals "get nodes lists its node" "$out" "$A-control-plane"

echo "# kubeconfig"
equals "kubeconfig written 0600" "$(stat -c %a "$kca")" "600"
equals "server is the published endpoint" "$(kc "$kca" "$A" server)" "https://127.0.0.1:$port"
equals "current-context set" "$(kc "$kca" "$A" current)" "kind-$A"
run get kubeconfig --name "$A"; printf '%s\n' "$out" >"$tmp/got.yaml"
equals "get kubeconfig: same endpoint" "$(kc "$tmp/got.yaml" "$A" server)" "https://127.0.0.1:$port"
equals "get kubeconfig: same client certificate" "$(kc "$tmp/got.yaml" "$A" cert)" "$(kc "$kca" "$A" cert)"
run get kubeconfig --name "$A" --internal; printf '%s\n' "$out" >"$tmp/internal.yaml"
equals "get kubeconfig --internal: in-network server" "$(kc "$tmp/internal.yaml" "$A" server)" "https://$A-control-plane:6443"
run get kubeconfig --name "$p-nope"; equals "get kubeconfig of an unknown cluster fails" "$rc/$err" "1/ERROR: could not locate any control plane nodes"
creds "$kca" "$A"
version_json=$(curl -sS --max-time 10 --cacert "$tmp/ca.crt" --cert "$tmp/client.crt" --key "$tmp/client.key" "https://127.0.0.1:$port/version")
contains "GET /version with the kubeconfig's credentials" "$version_json" '"gitVersion": "v1.31.0"'
equals "readyz answers ok" "$(curl -sS --max-time 10 --cacert "$tmp/ca.crt" --cert "$tmp/client.crt" --key "$tmp/client.key" "https://127.0.0.1:$port/readyz")" "ok"
check "without the client certificate the API server refuses" \
  bash -c "! curl -sS --max-time 10 --cacert '$tmp/ca.crt' 'https://127.0.0.1:$port/version' >/dev/null 2>&1"

echo "# errors"
before=$(nodes_of "$A")
run create cluster --name "$A" --config "$tmp/a.yaml" --kubeconfig "$kca"
equals "repeated name: exit 1 and kind's text" "$rc/$err" "1/ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"$A\""
equals "repeated name: nodes untouched" "$(nodes_of "$A")" "$before"
M="$p-missing"; run create cluster --name "$M" --image kindest/node:v0.0.0-missing --kubeconfig "$tmp/m"
equals "missing image: exit 1" "$rc" 1
contains "missing image: step marked failed" "$err" " ✗ Ensuring node image (kindest/node:v0.0.0-missing) 🖼"
contains "missing image: kind's pull error" "$err" "ERROR: failed to create cluster: failed to pull image \"kindest/node:v0.0.0-missing\": command \"docker pull kindest/node:v0.0.0-missing\" failed with error: exit status 1"
equals "missing image: no containers left" "$(nodes_of "$M")" ""
run create cluster --name "$p-bad" --config - <<<$'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nbogus: 1\n'
equals "invalid config: kind's decode error" "$err" $'ERROR: failed to create cluster: unable to decode config: yaml: unmarshal errors:\n  line 3: field bogus not found in type v1alpha4.Cluster'
# a host port another cluster's node already publishes: docker refuses it whatever its proxy mode
conflict=$(printf '%snodes:\n- role: control-plane\n  extraPortMappings:\n  - containerPort: 80\n    hostPort: %s\n    listenAddress: 127.0.0.1\n' "$single" "$port")
P="$p-port"; run create cluster --name "$P" --config - --kubeconfig "$tmp/p" <<<"$conflict"
equals "host port conflict: exit 1" "$rc" 1
contains "host port conflict: nodes step failed" "$err" " ✗ Preparing nodes 📦 "
equals "host port conflict: nodes deleted" "$(nodes_of "$P")" ""
run create cluster --name "$P" --config - --kubeconfig "$tmp/p" --retain <<<"$conflict"
equals "--retain keeps the failed node" "$rc/$(nodes_of "$P")" "1/$P-control-plane "
run delete cluster --name "$P" --kubeconfig "$tmp/p"

echo "# --config - with a worker on another image"
B="$p-b"; run create cluster --kubeconfig "$kca" --config - <<<"$single"$'name: '"$B"$'\nnodes:\n- role: control-plane\n- role: worker\n  image: kindest/node:v1.30.4\n'
equals "create from stdin exits 0" "$rc" 0
contains "worker join step" "$(steps_of "$err")" $' ✓ Installing StorageClass 💾\n • Joining worker nodes 🚜  ...\n ✓ Joining worker nodes 🚜'
equals "nodes <name>-control-plane and <name>-worker" "$(nodes_of "$B")" "$B-control-plane $B-worker "
equals "worker role label" "$(label "$B-worker" io.x-k8s.kind.role)" "worker"
equals "worker runs its own image" "$(docker exec "$B-worker" cat /kind/version)" "v1.30.4"
equals "kubeconfig keeps both clusters" "$(kc "$kca" "$A" names)" "kind-$A kind-$B kind-$A kind-$B kind-$A kind-$B"

echo "# load docker-image"
IMG="$kdh/tiny:1"; mkdir -p "$tmp/img" && echo tiny >"$tmp/img/tiny" && tar -C "$tmp/img" -c . | docker import - "$IMG" >/dev/null
img_id=$(docker image inspect -f '{{.Id}}' "$IMG")
node_id() { docker exec "$1" crictl inspecti "$2" 2>/dev/null | sed -n 's/^    "id": "\(.*\)",$/\1/p'; }
run load docker-image "$kdh/missing:1" --name "$B"; equals "missing image: kind's error" "$rc/$err" "1/ERROR: image: \"$kdh/missing:1\" not present locally"
run load docker-image "$IMG" --name "$p-nope"; equals "unknown cluster: kind's error" "$rc/$err" "1/ERROR: no nodes found for cluster \"$p-nope\""
run load docker-image "$IMG" --name "$B" --nodes "$B-nope"; equals "unknown node: kind's error" "$rc/$err" "1/ERROR: unknown node: \"$B-nope\""
run load docker-image "$IMG" -n "$B" --nodes "$B-worker"
equals "--nodes: only that node is loaded" "$rc/$err" "0/Image: \"$IMG\" with ID \"$img_id\" not yet present on node \"$B-worker\", loading..."
equals "--nodes: the worker has the image's ID" "$(node_id "$B-worker" "$IMG")" "$img_id"
equals "--nodes: the control plane does not" "$(node_id "$B-control-plane" "$IMG")" ""
run load docker-image "$IMG" --name "$B"
equals "load: the node without it is loaded" "$rc/$err" "0/Image: \"$IMG\" with ID \"$img_id\" not yet present on node \"$B-control-plane\", loading..."
equals "load: every node has it" "$(node_id "$B-control-plane" "$IMG")/$(node_id "$B-worker" "$IMG")" "$img_id/$img_id"
run load docker-image "$IMG" --name "$B"
equals "second load: already present on all nodes" "$rc/$err" "0/Image: \"$IMG\" with ID \"$img_id\" found to be already present on all nodes."
equals "crictl images lists it (name, tag, short ID)" "$(docker exec "$B-worker" crictl images | awk -v r="docker.io/$kdh/tiny" '$1 == r { print $2, $3 }')" "1 ${img_id:7:13}"
contains "ctr images import prints ctr's lines" "$(docker save "$IMG" | docker exec -i "$B-worker" ctr --namespace=k8s.io images import -)" "unpacking docker.io/$IMG (sha256:"

echo "# containerdConfigPatches, kubectl apply, the local registry"
R="$p-r" kcr="$tmp/r"
run create cluster --name "$R" --kubeconfig "$kcr" --config - <<<"$single"$'containerdConfigPatches:\n- |-\n  [plugins."io.containerd.grpc.v1.cri".registry]\n    config_path = "/etc/containerd/certs.d"\ncontainerdConfigPatchesJSON6902:\n- \'[{"op": "replace", "path": "/plugins/io.containerd.grpc.v1.cri/sandbox_image", "value": "kdh/pause:1"}]\'\n'
equals "create with containerd patches exits 0" "$rc" 0
toml_get() { local node="$1"; shift; docker exec "$node" cat /etc/containerd/config.toml | python3 -c 'import sys, tomllib; v = tomllib.load(sys.stdin.buffer)
for k in sys.argv[1:]: v = v[k]
print(v)' plugins io.containerd.grpc.v1.cri "$@"; }
equals "merge patch in the node's config.toml" "$(toml_get "$R-control-plane" registry config_path)" "/etc/containerd/certs.d"
equals "JSON 6902 patch in it" "$(toml_get "$R-control-plane" sandbox_image)" "kdh/pause:1"
equals "base config kept (snapshotter)" "$(toml_get "$R-control-plane" containerd snapshotter)" "overlayfs"
run create cluster --name "$p-badpatch" --config - <<<"$single"$'containerdConfigPatches: 5\n'
equals "patches are a list of strings" "$rc/$err" $'1/ERROR: failed to create cluster: unable to decode config: yaml: unmarshal errors:\n  line 5: cannot unmarshal !!int `5` into []string'
cm=$'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local-registry-hosting\n  namespace: kube-public\ndata:\n  localRegistryHosting.v1: |\n    host: "localhost:5001"\n'
apply() { docker exec -i "$R-control-plane" kubectl --kubeconfig=/etc/kubernetes/admin.conf apply -f - 2>&1; }
equals "kubectl apply: created" "$(apply <<<"$cm")" "configmap/local-registry-hosting created"
equals "kubectl apply again: unchanged" "$(apply <<<"$cm")" "configmap/local-registry-hosting unchanged"
equals "kubectl apply of a change: configured" "$(apply <<<"$cm  extra: x")" "configmap/local-registry-hosting configured"
equals "kubectl apply of JSON" "$(apply <<<'{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j", "namespace": "kube-system"}, "data": {"a": "b\nc"}}')" "configmap/j created"
contains "kubectl apply of another kind fails" "$(apply <<<$'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n')" 'no matches for kind "Deployment" in version "apps/v1"'
creds "$kcr" "$R"; api() { curl -sS --max-time 10 --cacert "$tmp/ca.crt" --cert "$tmp/client.crt" --key "$tmp/client.key" -w ' %{http_code}' "$(kc "$kcr" "$R" server)$1"; }
got=$(api /api/v1/namespaces/kube-public/configmaps/local-registry-hosting)
equals "GET the ConfigMap through the API server" "$(python3 -c 'import json, sys; o = json.loads(sys.argv[1].rsplit(" ", 1)[0]); m = o["metadata"]
print(o["kind"], o["apiVersion"], m["name"], m["namespace"], bool(m["uid"] and m["resourceVersion"] and m["creationTimestamp"]), json.dumps(o["data"]), sys.argv[1].rsplit(" ", 1)[1])' "$got")" \
  'ConfigMap v1 local-registry-hosting kube-public True {"localRegistryHosting.v1": "host: \"localhost:5001\"\n", "extra": "x"} 200'
contains "the JSON one too" "$(api /api/v1/namespaces/kube-system/configmaps/j)" '"data":{"a":"b\nc"}} 200'
contains "a missing ConfigMap is kube-apiserver's 404" "$(api /api/v1/namespaces/kube-public/configmaps/nope)" '"message":"configmaps \"nope\" not found","reason":"NotFound","details":{"name":"nope","kind":"configmaps"},"code":404} 404'
check "the registry:2 stand-in is built (testing/setup.sh)" bash -c 'docker image inspect provider-kind-test/registry:2 >/dev/null 2>&1'
rport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
docker run -d --name "$kdh-registry" -p "127.0.0.1:$rport:5000" provider-kind-test/registry:2 >/dev/null && docker network connect kind "$kdh-registry"
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$rport/v2/" >/dev/null && break; sleep 0.05; done
ref="127.0.0.1:$rport/$kdh/x:1"; docker tag "$IMG" "$ref"
check "docker push to the registry image" bash -c "docker push '$ref' >/dev/null 2>&1"
run_in() { out=$(docker exec "$R-control-plane" "$@" 2>&1); rc=$?; }
run_in crictl pull "$ref"
equals "pull without hosts.toml fails (the node's own 127.0.0.1)" "$rc" 1
contains "containerd's error for it" "$out" "failed to resolve reference \\\"$ref\\\": failed to do request: Head \\\"http://127.0.0.1:$rport/v2/$kdh/x/manifests/1\\\": dial tcp 127.0.0.1:$rport: connect: connection refused"
docker exec "$R-control-plane" sh -c "mkdir -p '/etc/containerd/certs.d/127.0.0.1:$rport' && printf '[host.\"http://$kdh-registry:5000\"]\n  capabilities = [\"pull\", \"resolve\"]\n' >'/etc/containerd/certs.d/127.0.0.1:$rport/hosts.toml'"
run_in crictl pull "$ref"; equals "pull through hosts.toml" "$rc/$out" "0/Image is up to date for $img_id"
equals "the pulled image is in crictl images" "$(docker exec "$R-control-plane" crictl images | awk -v r="127.0.0.1:$rport/$kdh/x" '$1 == r { print $2, $3 }')" "1 ${img_id:7:13}"
run_in crictl pull "127.0.0.1:$rport/$kdh/x:2"; contains "a tag the registry lacks: its 404, then the default host" "$rc/$out" "1/time="
contains "  and containerd reports the default host's error" "$out" "Head \\\"http://127.0.0.1:$rport/v2/$kdh/x/manifests/2\\\": dial tcp 127.0.0.1:$rport: connect: connection refused"
run delete cluster --name "$R" --kubeconfig "$kcr"

echo "# delete"
run delete cluster --name "$A" --kubeconfig "$kca"
equals "delete: exit 0 and kind's line" "$rc/$err" "0/Deleting cluster \"$A\" ..."
equals "delete: containers gone" "$(nodes_of "$A")" ""
equals "delete: kubeconfig entries gone, others kept" "$(kc "$kca" "$B" names)" "kind-$B kind-$B kind-$B"
run delete cluster --name "$p-never-existed" --kubeconfig "$kca"; equals "delete of an unknown cluster succeeds" "$rc" 0
run delete clusters "$B" --kubeconfig "$kca"; equals "delete clusters reports what it deleted" "$err" "Deleted clusters: [\"$B\"]"

echo "# two creates in parallel, one kubeconfig"
C="$p-c" D="$p-d" kcp="$tmp/parallel"
for n in "$C" "$D"; do
  ( "$KIND" create cluster --name "$n" --config "$tmp/a.yaml" --kubeconfig "$kcp" >/dev/null 2>"$tmp/err-$n"; echo $? >"$tmp/rc-$n" ) &
done
wait
equals "both creates exit 0" "$(cat "$tmp/rc-$C")/$(cat "$tmp/rc-$D")" "0/0"
equals "both clusters in the kubeconfig" "$(kc "$kcp" "$C" names | tr ' ' '\n' | sort -u | tr '\n' ' ')" "kind-$C kind-$D "
for n in "$C" "$D"; do
  creds "$kcp" "$n"
  contains "$n answers with its own credentials" "$(curl -sS --max-time 10 --cacert "$tmp/ca.crt" --cert "$tmp/client.crt" --key "$tmp/client.key" "$(kc "$kcp" "$n" server)/version")" '"gitVersion": "v1.31.0"'
done
started=$(date +%s.%N); run delete clusters "$C" "$D" --kubeconfig "$kcp"
echo "     (deleting two clusters took $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")s)"
equals "both deleted" "$(nodes_of "$C")$(nodes_of "$D")" ""

echo "# killed mid-create"
K="$p-k" kck="$tmp/killed"
KIND_DOUBLE_STEP_SECONDS=1 "$KIND" create cluster --name "$K" --config "$tmp/a.yaml" --kubeconfig "$kck" 2>"$tmp/err-k" &
pid=$!; pids+=($pid)
for _ in $(seq 150); do grep -q 'Starting control-plane' "$tmp/err-k" && break; sleep 0.1; done
check "progress is visible mid-create" grep -q ' • Starting control-plane 🕹️  ...' "$tmp/err-k"
kill -KILL "$pid"; wait "$pid" 2>/dev/null
equals "its node is left behind, as kind leaves it" "$(nodes_of "$K")" "$K-control-plane "
check "no kubeconfig entry was written" bash -c "! grep -qs 'kind-$K' '$kck'"
run get clusters; contains "the half-made cluster is listed" "$out" "$K"
run delete cluster --name "$K" --kubeconfig "$kck"; equals "and can be deleted" "$rc/$(nodes_of "$K")" "0/"

echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
