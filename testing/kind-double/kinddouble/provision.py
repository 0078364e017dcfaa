"""Node containers, as kind's docker provider makes them (pkg/cluster/internal/providers/docker).

Faithful: the `kind` network (IPv6 ULA subnet from the name, IPv4 fallback, "already exists" tolerated,
duplicates removed), node names, hostname = name, the two io.x-k8s.kind labels, --restart=on-failure:1,
--init=false, tmpfs /tmp and /run, a /var volume, port publishing (extraPortMappings, then the API server
on <apiServerAddress>:<port>:6443/TCP), KUBECONFIG on control planes, the wait for the init's
"Reached target Multi-User System" line. Left out: --privileged and the seccomp/apparmor opt-outs (the
double's nodes run no containers of their own), and kind's haproxy image (the load balancer runs on the
node image).
"""
import concurrent.futures
import hashlib
import ipaddress
import re
import socket
import struct
import time

from . import API_SERVER_PORT, CLUSTER_LABEL, NETWORK, ROLE_LABEL
from .docker import RunError, docker, lines
from .log import KindError

_READY = re.compile(r"Reached target .*Multi-User System.*|detected cgroup v1")


def node_names(cluster):
    """kind's node namer: <name>-<role>, then <name>-<role>2, ...; plus the load balancer if HA."""
    counters, names = {}, []
    for node in cluster["nodes"]:
        role = node["role"]
        counters[role] = counters.get(role, 0) + 1
        suffix = "" if counters[role] == 1 else str(counters[role])
        names.append(f"{cluster['name']}-{role}{suffix}")
    balancer = f"{cluster['name']}-external-load-balancer" if has_load_balancer(cluster) else None
    return names, balancer


def has_load_balancer(cluster):
    return sum(1 for n in cluster["nodes"] if n["role"] == "control-plane") > 1


def image_present(image):
    try:
        docker("inspect", "--type=image", image)
        return True
    except KindError:
        return False


def simulated_pull_failure(image):
    """What `docker pull` answers on a machine that cannot reach the registry. The double never pulls:
    nothing may leave this machine, and a missing image must fail as it does offline."""
    output = ('Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: '
              'lookup registry-1.docker.io: no such host\n')
    return RunError(["docker", "pull", image], 1, output).wrap(f'failed to pull image "{image}"')


# -- the kind network ---------------------------------------------------------------------------------

def ensure_network():
    if _dedupe_networks():
        return
    mtu = _default_mtu()
    for attempt in range(5):
        try:
            _create_network(_ula_subnet(NETWORK, attempt), mtu)
            return
        except RunError as err:
            out = err.output or ""
            if attempt == 0 and (out.startswith("Error response from daemon: Cannot read IPv6 setup for bridge")
                                 or "unknown flag: --ipv6" in out):
                _create_network(None, mtu)
                return
            if "Pool overlaps" in out or "networks have overlapping" in out:
                if _dedupe_networks():
                    return
                continue
            raise
    raise KindError("exhausted attempts trying to find a non-overlapping subnet")


def _create_network(ipv6_subnet, mtu):
    args = ["network", "create", "-d=bridge", "-o", "com.docker.network.bridge.enable_ip_masquerade=true"]
    if mtu > 0:
        args += ["-o", f"com.docker.network.driver.mtu={mtu}"]
    if ipv6_subnet:
        args += ["--ipv6", "--subnet", ipv6_subnet]
    try:
        docker(*args, NETWORK)
    except RunError as err:
        out = err.output or ""
        if not ("network with name" in out and "already exists" in out):
            raise
    _dedupe_networks()


def _dedupe_networks():
    """Several creates racing may each make a `kind` network; keep one (the busiest, then lowest id)."""
    ids = lines("network", "ls", f"--filter=name=^{NETWORK}$", "--format={{.ID}}")
    if len(ids) > 1:
        counted = []
        for line in lines("network", "inspect", "--format", "{{.Id}} {{len .Containers}}", *ids):
            net_id, count = line.split()
            counted.append((-int(count), net_id))
        for _, net_id in sorted(counted)[1:]:
            try:
                docker("network", "rm", net_id)
            except RunError as err:
                if "No such network" not in (err.output or ""):
                    raise
    return len(ids) > 0


def _default_mtu():
    try:
        return int(docker("network", "inspect", "bridge", "-f",
                          '{{ index .Options "com.docker.network.driver.mtu" }}').strip())
    except (KindError, ValueError):
        return 0


def _ula_subnet(name, attempt):
    digest = hashlib.sha1(name.encode() + struct.pack("<i", attempt)).digest()
    raw = bytes([0xFC, 0x00]) + digest[2:8] + bytes(8)
    return str(ipaddress.IPv6Network((raw, 64)))


# -- node containers ----------------------------------------------------------------------------------

def _free_port(address):
    """kind's GetFreePort: a port the kernel hands out on that address now (kept across restarts)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((address, 0))
        except OSError as err:
            raise KindError(f"failed to get random host port for port mapping: listen tcp "
                            f"{_join(address, 0)}: bind: {err.strerror.lower()}")
        return s.getsockname()[1]


def _join(host, port):
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _publish_args(mappings, ip_family):
    args = []
    for m in mappings:
        listen = m.get("listenAddress") or ("::" if ip_family == "ipv6" else "0.0.0.0")
        if m["protocol"] not in ("TCP", "UDP", "SCTP"):
            raise KindError(f"unknown port mapping protocol: {m['protocol']}")
        host_port = 0 if m["hostPort"] == -1 else (m["hostPort"] or _free_port(listen))
        args.append(f"--publish={_join(listen, host_port)}:{m['containerPort']}/{m['protocol']}")
    return args


def _common_args(cluster):
    return ["--detach", "--tty", "--label", f"{CLUSTER_LABEL}={cluster['name']}", "--net", NETWORK,
            "--restart=on-failure:1", "--init=false", "--cgroupns=private"]


def plan(cluster):
    """[(container name, docker run arguments, wait for init)], the load balancer first as in kind."""
    names, balancer = node_names(cluster)
    net = cluster["networking"]
    common = _common_args(cluster)
    api_address, api_port = net["apiServerAddress"], net["apiServerPort"]
    planned = []
    if balancer:
        lb_publish = _publish_args([{"listenAddress": api_address, "hostPort": api_port,
                                     "containerPort": API_SERVER_PORT, "protocol": "TCP"}], net["ipFamily"])
        planned.append((balancer, ["--hostname", balancer, "--label", f"{ROLE_LABEL}=external-load-balancer",
                                   *common, *lb_publish, cluster["nodes"][0]["image"]], False))
        api_address, api_port = ("::1" if net["ipFamily"] == "ipv6" else "127.0.0.1"), 0
    for name, node in zip(names, cluster["nodes"]):
        mappings = list(node["extraPortMappings"])
        if node["role"] == "control-plane":
            mappings.append({"listenAddress": api_address, "hostPort": api_port,
                             "containerPort": API_SERVER_PORT, "protocol": "TCP"})
        args = ["--hostname", name, "--label", f"{ROLE_LABEL}={node['role']}",
                "--tmpfs", "/tmp", "--tmpfs", "/run", "--volume", "/var",
                "-e", "KIND_EXPERIMENTAL_CONTAINERD_SNAPSHOTTER", *common]
        for label, value in (node.get("labels") or {}).items():
            args += ["--label", f"{label}={value}"]
        args += _publish_args(mappings, net["ipFamily"])
        if node["role"] == "control-plane":
            args += ["-e", "KUBECONFIG=/etc/kubernetes/admin.conf"]
        planned.append((name, [*args, node["image"]], True))
    return planned


def _create(name, args, wait):
    docker("run", "--name", name, *args)
    if not wait:
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if _READY.search(docker("logs", name)):
            return
        time.sleep(0.05)
    raise KindError(f'could not find a log line that matches "{_READY.pattern}"')


def create_containers(planned):
    """Creates every node concurrently; the first error wins, as errors.UntilErrorConcurrent."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(planned))) as pool:
        futures = [pool.submit(_create, name, args, wait) for name, args, wait in planned]
        for future in concurrent.futures.as_completed(futures):
            future.result()


def delete_nodes(names):
    if names:
        try:
            docker("rm", "-f", "-v", *names)
        except KindError as err:
            raise err.wrap("failed to delete nodes")
