"""kind's kubeconfig handling (pkg/cluster/internal/kubeconfig): which file, locking, merge, removal.

- the file: --kubeconfig, else the first existing file of $KUBECONFIG (else its last), else
  ~/.kube/config; removal visits every file of $KUBECONFIG.
- a <file>.lock made with O_EXCL, retried 5 times 100 ms apart, as client-go and kind do.
- entries are named kind-<name>; merge replaces or appends them and sets current-context; files are
  written with mode 0600 and keys sorted as sigs.k8s.io/yaml writes them.
"""
import os
import time

import yaml

from . import docker
from .log import KindError


def key(cluster_name):
    return f"kind-{cluster_name}"


def paths(explicit_path):
    if explicit_path:
        return [explicit_path]
    env_paths = list(dict.fromkeys(p for p in os.environ.get("KUBECONFIG", "").split(os.pathsep) if p))
    if env_paths:
        return env_paths
    return [os.path.join(os.environ.get("HOME", ""), ".kube", "config")]


def path_for_merge(explicit_path):
    candidates = paths(explicit_path)
    if len(candidates) == 1:
        return candidates[0]
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return candidates[-1]


class _Lock:
    def __init__(self, path):
        self.lock = path + ".lock"

    def __enter__(self):
        os.makedirs(os.path.dirname(self.lock) or ".", exist_ok=True)
        last = None
        for _ in range(5):
            try:
                os.close(os.open(self.lock, os.O_CREAT | os.O_EXCL, 0))
                return self
            except OSError as err:
                last = err
                time.sleep(0.1)
        reason = last.strerror[:1].lower() + last.strerror[1:]
        raise KindError(f"failed to lock config file: open {self.lock}: {reason}")

    def __exit__(self, *_):
        try:
            os.remove(self.lock)
        except OSError:
            pass


def _read(path):
    try:
        with open(path) as f:
            config = yaml.safe_load(f)
    except FileNotFoundError:
        return {}
    except (OSError, yaml.YAMLError) as err:
        raise KindError(f"failed to read kubeconfig {path}: {err}")
    return config if isinstance(config, dict) else {}


def encode(config):
    """kind's Encode: empty lists and an empty current-context are left out; "" when nothing is left."""
    config = {k: v for k, v in config.items() if not (k in ("clusters", "contexts", "users") and not v)}
    if config.get("current-context", None) == "":
        del config["current-context"]
    if not config:
        return ""
    return yaml.safe_dump(config, default_flow_style=False, sort_keys=True, width=1 << 20)


def _write(config, path):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(encode(config))


def from_admin_conf(raw, cluster_name, server):
    """KINDFromRawKubeadm: admin.conf renamed to kind-<name>, server replaced when given."""
    config = yaml.safe_load(raw) or {}
    if any(len(config.get(k) or []) != 1 for k in ("clusters", "users", "contexts")):
        raise KindError("kubeadm KUBECONFIG should have one cluster, one user and one context")
    name = key(cluster_name)
    config["clusters"][0]["name"] = name
    config["users"][0]["name"] = name
    config["contexts"][0]["name"] = name
    config["contexts"][0].setdefault("context", {}).update({"cluster": name, "user": name})
    config["current-context"] = name
    if server:
        config["clusters"][0].setdefault("cluster", {})["server"] = server
    return config


def write_merged(kind_config, explicit_path):
    path = path_for_merge(explicit_path)
    with _Lock(path):
        try:
            existing = _read(path)
        except KindError as err:
            raise err.wrap("failed to get kubeconfig to merge")
        for section in ("clusters", "users", "contexts"):
            entry = kind_config[section][0]
            entries = list(existing.get(section) or [])
            for i, current in enumerate(entries):
                if isinstance(current, dict) and current.get("name") == entry["name"]:
                    entries[i] = entry
                    break
            else:
                entries.append(entry)
            existing[section] = entries
        existing["current-context"] = kind_config["current-context"]
        if not any(k in existing for k in ("apiVersion", "kind", "preferences")):
            existing.update({k: kind_config[k] for k in ("apiVersion", "kind", "preferences") if k in kind_config})
        _write(existing, path)


def remove(cluster_name, explicit_path):
    """RemoveKIND: drops kind-<name> entries (and the current-context if it points there) everywhere."""
    name = key(cluster_name)
    for path in paths(explicit_path):
        with _Lock(path):
            try:
                existing = _read(path)
            except KindError as err:
                raise err.wrap("failed to read kubeconfig to remove KIND entry")
            mutated = False
            for section in ("clusters", "users", "contexts"):
                entries = existing.get(section) or []
                kept = [e for e in entries if not (isinstance(e, dict) and e.get("name") == name)]
                if len(kept) != len(entries):
                    existing[section] = kept
                    mutated = True
            if existing.get("current-context") == name:
                existing["current-context"] = ""
                mutated = True
            if mutated:
                _write(existing, path)


def get(cluster_name, external):
    """kind's kubeconfig.Get: the node's admin.conf as kind-<name>, with the host endpoint if external."""
    names = docker.list_nodes(cluster_name)
    roles = docker.node_roles(names)
    control_planes = sorted(n for n in names if roles.get(n) == "control-plane")
    if not control_planes:
        raise KindError("could not locate any control plane nodes")
    try:
        raw = docker.exec_in(control_planes[0], "cat", "/etc/kubernetes/admin.conf")
    except KindError as err:
        raise err.wrap("failed to get cluster internal kubeconfig")
    server = ""
    if external:
        server = "https://" + api_server_endpoint(names, roles)
    return from_admin_conf(raw, cluster_name, server)


def api_server_endpoint(names, roles):
    """GetAPIServerEndpoint: host address and port docker published for 6443 on the endpoint node."""
    balancers = [n for n in names if roles.get(n) == "external-load-balancer"]
    if balancers:
        node = balancers[0]
    else:
        control_planes = [n for n in names if roles.get(n) == "control-plane"]
        if len(control_planes) != 1:
            raise KindError("failed to get api server endpoint: expected one control plane node or a "
                            f"load balancer, not {len(control_planes)}")
        node = control_planes[0]
    fmt = ('{{ with (index (index .NetworkSettings.Ports "6443/tcp") 0) }}'
           '{{ printf "%s\\t%s" .HostIp .HostPort }}{{ end }}')
    try:
        found = docker.lines("inspect", "--format", fmt, node)
    except KindError as err:
        raise err.wrap("failed to get api server port")
    if len(found) != 1:
        raise KindError(f"network details should only be one line, got {len(found)} lines")
    host, _, port = found[0].partition("\t")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
