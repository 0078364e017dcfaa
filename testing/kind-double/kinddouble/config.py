"""kind's v1alpha4 Cluster config: loading (pkg/internal/apis/config/encoding), defaults, validation."""
import ipaddress
import re

import yaml

from . import DEFAULT_NODE_IMAGE
from .log import KindError
from .yamlv3 import BOOL, INT32, STRING, Map, Scalar, Seq, Struct, YAMLError, compose, unmarshal

_PATCH = Struct("v1alpha4.PatchJSON6902", {"group": STRING, "version": STRING, "kind": STRING, "patch": STRING})
_MOUNT = Struct("v1alpha4.Mount", {
    "containerPath": STRING, "hostPath": STRING, "readOnly": BOOL, "selinuxRelabel": BOOL,
    "propagation": Scalar("string", "v1alpha4.MountPropagation")})
_PORT_MAPPING = Struct("v1alpha4.PortMapping", {
    "containerPort": INT32, "hostPort": INT32, "listenAddress": STRING,
    "protocol": Scalar("string", "v1alpha4.PortMappingProtocol")})
_NODE = Struct("v1alpha4.Node", {
    "role": Scalar("string", "v1alpha4.NodeRole"), "image": STRING, "labels": Map(STRING),
    "extraMounts": Seq(_MOUNT), "extraPortMappings": Seq(_PORT_MAPPING),
    "kubeadmConfigPatches": Seq(STRING), "kubeadmConfigPatchesJSON6902": Seq(_PATCH)})
_NETWORKING = Struct("v1alpha4.Networking", {
    "ipFamily": Scalar("string", "v1alpha4.ClusterIPFamily"), "apiServerPort": INT32,
    "apiServerAddress": STRING, "podSubnet": STRING, "serviceSubnet": STRING, "disableDefaultCNI": BOOL,
    "kubeProxyMode": Scalar("string", "v1alpha4.ProxyMode"), "dnsSearch": Seq(STRING)})
_CLUSTER = Struct("v1alpha4.Cluster", {
    "kind": STRING, "apiVersion": STRING, "name": STRING, "featureGates": Map(BOOL),
    "runtimeConfig": Map(STRING), "nodes": Seq(_NODE), "networking": _NETWORKING,
    "kubeadmConfigPatches": Seq(STRING), "kubeadmConfigPatchesJSON6902": Seq(_PATCH),
    "containerdConfigPatches": Seq(STRING), "containerdConfigPatchesJSON6902": Seq(STRING)})
_TYPE_META = Struct("encoding.typeMeta", {"kind": STRING, "apiVersion": STRING})

_VALID_NAME = re.compile(r"^[a-z0-9.-]+$")


def default_config():
    return apply_defaults({})


def load_file(path):
    """encoding.Load: "" means the default config; otherwise the file, parsed."""
    if path == "":
        return default_config()
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as err:
        raise KindError(f"error reading file: {_go_os_error('open', path, err)}")
    return parse(raw)


def _go_os_error(op, path, err):
    reason = (err.strerror or str(err))
    return f"{op} {path}: {reason[:1].lower() + reason[1:]}"


def parse(raw):
    """encoding.Parse: find kind/apiVersion, then decode strictly; returns the defaulted config."""
    try:
        root = compose(raw)
    except YAMLError as err:
        raise KindError(f"could not determine kind / apiVersion for config: {err}")
    try:
        type_meta = _lenient(root, _TYPE_META) or {}
    except YAMLError as err:
        raise KindError(f"could not determine kind / apiVersion for config: {err}")
    api_version, kind = type_meta.get("apiVersion", ""), type_meta.get("kind", "")
    if api_version != "kind.x-k8s.io/v1alpha4":
        raise KindError(f"unknown apiVersion: {api_version}")
    if kind != "Cluster":
        raise KindError(f"unknown kind {kind} for apiVersion: {api_version}")
    try:
        cluster = unmarshal(root, _CLUSTER) or {}
    except YAMLError as err:
        raise KindError(f"unable to decode config: {err}")
    return apply_defaults(cluster)


def _lenient(root, struct):
    """yaml.Unmarshal without KnownFields: other keys are ignored, wrong types still fail."""
    if root is None:
        return None
    if isinstance(root, yaml.MappingNode):
        kept = [(k, v) for k, v in root.value if k.value in struct.fields]
        root = yaml.MappingNode(root.tag, kept, root.start_mark, root.end_mark)
    return unmarshal(root, struct)


def apply_defaults(cluster):
    """v1alpha4.SetDefaultsCluster + conversion to kind's internal config."""
    cluster.setdefault("name", "")
    nodes = cluster.get("nodes") or [{}]
    cluster["nodes"] = [dict(n or {}) for n in nodes]
    for node in cluster["nodes"]:
        node["role"] = node.get("role") or "control-plane"
        node["image"] = node.get("image") or DEFAULT_NODE_IMAGE
        node["extraPortMappings"] = [dict(m or {}) for m in node.get("extraPortMappings") or []]
        for mapping in node["extraPortMappings"]:
            mapping["protocol"] = mapping.get("protocol") or "TCP"
            mapping.setdefault("hostPort", 0)
            mapping.setdefault("containerPort", 0)
            mapping.setdefault("listenAddress", "")
    net = dict(cluster.get("networking") or {})
    net["ipFamily"] = net.get("ipFamily") or "ipv4"
    if not net.get("apiServerAddress"):
        net["apiServerAddress"] = "::1" if net["ipFamily"] == "ipv6" else "127.0.0.1"
    net.setdefault("apiServerPort", 0)
    net["kubeProxyMode"] = net.get("kubeProxyMode") or "iptables"
    net.setdefault("disableDefaultCNI", False)
    cluster["networking"] = net
    return cluster


def validate(cluster):
    """config.Cluster.Validate: every problem, joined as kind's error aggregate."""
    errs = []
    name, net = cluster["name"], cluster["networking"]
    if not _VALID_NAME.match(name):
        errs.append(f"'{name}' is not a valid cluster name, cluster names must match `^[a-z0-9.-]+$`")
    if net["apiServerPort"] != 0 and not -1 <= net["apiServerPort"] <= 65535:
        errs.append(f"invalid apiServerPort: invalid port number: {net['apiServerPort']}")
    if net["ipFamily"] not in ("ipv4", "ipv6", "dual"):
        errs.append(f"invalid ipFamily: {net['ipFamily']}")
    if net["kubeProxyMode"] not in ("iptables", "ipvs", "none", "nftables"):
        errs.append(f"invalid kubeProxyMode: {net['kubeProxyMode']}")
    for i, node in enumerate(cluster["nodes"]):
        problems = _validate_node(node)
        if problems:
            errs.append(f"invalid configuration for node {i}: {_aggregate(problems)}")
    if not any(n["role"] == "control-plane" for n in cluster["nodes"]):
        errs.append("must have at least one control-plane node")
    if errs:
        raise KindError(_aggregate(errs))


def _validate_node(node):
    errs = []
    if node["role"] not in ("control-plane", "worker"):
        errs.append(f'"{node["role"]}" is not a valid node role')
    for key in (node.get("labels") or {}):
        if key in ("io.x-k8s.kind.cluster", "io.x-k8s.kind.role"):
            errs.append(f'invalid container label key "{key}"')
    for mapping in node["extraPortMappings"]:
        for field in ("hostPort", "containerPort"):
            if not -1 <= mapping[field] <= 65535:
                errs.append(f"invalid {field}: invalid port number: {mapping[field]}")
    duplicate = _duplicate_port_mapping(node["extraPortMappings"])
    if duplicate:
        errs.append(f"invalid portMapping: port mapping with same listen address, port and protocol "
                    f"already configured: {duplicate}")
    return errs


def _duplicate_port_mapping(mappings):
    bound = {}
    for m in mappings:
        if m["hostPort"] in (-1, 0):
            continue
        try:
            addr = str(ipaddress.ip_address(m["listenAddress"]))
        except ValueError:
            addr = "<nil>"
        key = f"{m['hostPort']}/{m['protocol']}"
        described = f"{addr}:{key}"
        if addr == "::":
            addr = "0.0.0.0"
        taken = bound.setdefault(key, set())
        if (addr == "0.0.0.0" and taken) or addr in taken or "0.0.0.0" in taken:
            return described
        taken.add(addr)
    return None


def _aggregate(errs):
    unique = list(dict.fromkeys(errs))
    return unique[0] if len(unique) == 1 else "[" + ", ".join(unique) + "]"
