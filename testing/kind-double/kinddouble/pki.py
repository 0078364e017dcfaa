"""The cluster PKI kubeadm init makes, generated on the host with openssl, and the files built from it.

kubeadm's shapes: an RSA-2048 CA "kubernetes" (10 years), the API server's serving certificate
"kube-apiserver" (1 year) and the admin client certificate "kubernetes-admin" in system:masters, keys in
PKCS#1. admin.conf is the kubeconfig kubeadm writes for that admin, pointing at the control-plane
endpoint inside the kind network.
"""
import base64
import concurrent.futures
import ipaddress
import os
import subprocess

import yaml

from .log import KindError


class Pki:
    def __init__(self, files):
        self.files = files  # name -> PEM text: ca.crt ca.key apiserver.crt apiserver.key admin.crt admin.key

    def b64(self, name):
        return base64.b64encode(self.files[name].encode()).decode()


def _openssl(*args, inputs=None):
    """Runs openssl and returns its stdout. Inputs go through pipes (/dev/fd/N, named {name} in args),
    never through files: a double killed mid-create must not leave key material on disk."""
    fds, keep = {}, []
    try:
        for name, text in (inputs or {}).items():
            read_end, write_end = os.pipe()
            os.write(write_end, text.encode())  # a few KiB: fits in the pipe buffer
            os.close(write_end)
            fds[name] = read_end
            keep.append(read_end)
        argv = ["openssl", *(a.format(**{n: f"/dev/fd/{fd}" for n, fd in fds.items()}) for a in args)]
        proc = subprocess.run(argv, capture_output=True, text=True, pass_fds=keep)
    finally:
        for fd in keep:
            os.close(fd)
    if proc.returncode != 0:
        raise KindError(f"failed to generate certificates: openssl {args[0]}: {proc.stderr.strip()}")
    return proc.stdout


def _san_entries(sans):
    entries = []
    for san in dict.fromkeys(sans):
        try:
            entries.append(f"IP:{ipaddress.ip_address(san)}")
        except ValueError:
            entries.append(f"DNS:{san}")
    return ",".join(entries)


def _key():
    return _openssl("genrsa", "-traditional", "2048")


def _sign(ca_crt, ca_key, key, subject, extensions, days):
    csr = _openssl("req", "-new", "-key", "{key}", "-subj", subject, inputs={"key": key})
    crt = _openssl("x509", "-req", "-in", "{csr}", "-CA", "{ca_crt}", "-CAkey", "{ca_key}",
                   "-set_serial", "0x" + os.urandom(8).hex(), "-days", str(days), "-extfile", "{ext}",
                   inputs={"csr": csr, "ca_crt": ca_crt, "ca_key": ca_key, "ext": "\n".join(extensions) + "\n"})
    return crt, key


def generate(serving_sans):
    """A fresh cluster PKI whose API server certificate is valid for serving_sans."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:  # RSA key generation dominates
        ca_key, apiserver_key, admin_key = (f.result() for f in [pool.submit(_key) for _ in range(3)])
    ca_crt = _openssl("req", "-x509", "-new", "-key", "{key}", "-subj", "/CN=kubernetes", "-days", "3650",
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
                      inputs={"key": ca_key})
    apiserver_crt, apiserver_key = _sign(ca_crt, ca_key, apiserver_key, "/CN=kube-apiserver", [
        "basicConstraints=critical,CA:FALSE",
        "keyUsage=critical,digitalSignature,keyEncipherment",
        "extendedKeyUsage=serverAuth",
        "subjectAltName=" + _san_entries(serving_sans)], 365)
    admin_crt, admin_key = _sign(ca_crt, ca_key, admin_key, "/O=system:masters/CN=kubernetes-admin", [
        "basicConstraints=critical,CA:FALSE",
        "keyUsage=critical,digitalSignature,keyEncipherment",
        "extendedKeyUsage=clientAuth"], 365)
    return Pki({"ca.crt": ca_crt, "ca.key": ca_key, "apiserver.crt": apiserver_crt,
                "apiserver.key": apiserver_key, "admin.crt": admin_crt, "admin.key": admin_key})


def admin_conf(pki, cluster_name, server):
    """kubeadm's /etc/kubernetes/admin.conf."""
    config = {
        "apiVersion": "v1",
        "clusters": [{"cluster": {"certificate-authority-data": pki.b64("ca.crt"), "server": server},
                      "name": cluster_name}],
        "contexts": [{"context": {"cluster": cluster_name, "user": "kubernetes-admin"},
                      "name": f"kubernetes-admin@{cluster_name}"}],
        "current-context": f"kubernetes-admin@{cluster_name}",
        "kind": "Config",
        "preferences": {},
        "users": [{"name": "kubernetes-admin",
                   "user": {"client-certificate-data": pki.b64("admin.crt"),
                            "client-key-data": pki.b64("admin.key")}}],
    }
    return yaml.safe_dump(config, default_flow_style=False, sort_keys=True, width=1 << 20)


def kubeadm_conf(cluster, node_name, control_plane_endpoint, version):
    """The /kind/kubeadm.conf kind writes into every node (abridged: kubeadm itself is not run)."""
    net = cluster["networking"]
    return (
        "apiVersion: kubeadm.k8s.io/v1beta3\n"
        "kind: ClusterConfiguration\n"
        f"clusterName: {cluster['name']}\n"
        f"controlPlaneEndpoint: {control_plane_endpoint}:6443\n"
        f"kubernetesVersion: {version}\n"
        "apiServer:\n"
        "  certSANs:\n"
        "  - localhost\n"
        f"  - \"{net['apiServerAddress']}\"\n"
        "---\n"
        "apiVersion: kubeadm.k8s.io/v1beta3\n"
        "kind: InitConfiguration\n"
        "nodeRegistration:\n"
        f"  name: {node_name}\n"
    )
