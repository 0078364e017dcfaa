"""`kind create cluster` (pkg/cluster/internal/create), step by step, with kind's status lines.

Each step does the double's share of the real work on the nodes (files kubeadm would write, the PKI,
the API server) and then lasts KIND_DOUBLE_STEP_SECONDS (default 0.5 s) so that a create can be seen,
and interrupted, in the middle. Killed at any point, it leaves what kind leaves: the containers made
so far and no kubeconfig entry.
"""
import concurrent.futures
import io
import os
import random
import shlex
import tarfile
import time

from . import containerd, docker, kubeconfig, pki, provision
from .config import validate
from .log import KindError, Status, go_quote

SALUTATIONS = [
    "Have a nice day! 👋",
    "Thanks for using kind! 😊",
    "Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/",
    "Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂",
]


def step_seconds():
    raw = os.environ.get("KIND_DOUBLE_STEP_SECONDS", "0.5")
    try:
        value = float(raw)
    except ValueError:
        raise KindError(f"invalid KIND_DOUBLE_STEP_SECONDS {go_quote(raw)}: not a number of seconds")
    if value < 0:
        raise KindError(f"invalid KIND_DOUBLE_STEP_SECONDS {go_quote(raw)}: negative")
    return value


def format_duration(seconds):
    """Go's Duration.Round(time.Second).String()."""
    total = int(abs(seconds) + 0.5) * (-1 if seconds < 0 else 1)
    sign, total = ("-" if total < 0 else ""), abs(total)
    if total < 60:
        return f"{sign}{total}s"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}h{minutes}m{secs}s" if hours else f"{sign}{minutes}m{secs}s"


class Creation:
    def __init__(self, logger, cluster, retain, wait_seconds, kubeconfig_path):
        self.logger = logger
        self.cluster = cluster
        self.name = cluster["name"]
        self.retain = retain
        self.wait_seconds = wait_seconds
        self.kubeconfig_path = kubeconfig_path
        self.pause = step_seconds()
        self.status = Status(logger)
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)
        self.pki = None

    def plan_nodes(self):
        self.names, self.balancer = provision.node_names(self.cluster)
        roles = {n: node["role"] for n, node in zip(self.names, self.cluster["nodes"])}
        self.control_planes = [n for n in self.names if roles[n] == "control-plane"]
        self.workers = [n for n in self.names if roles[n] == "worker"]
        self.endpoint = self.balancer or self.control_planes[0]

    def step(self, text, action):
        self.status.start(text)
        try:
            action()
            time.sleep(self.pause)
        except BaseException:
            self.status.end(False)
            raise
        self.status.end(True)

    def run(self):
        if docker.list_nodes(self.name):
            raise KindError(f"node(s) already exist for a cluster with the name {go_quote(self.name)}")
        if len(self.name) > 50:
            self.logger.warn(f"cluster name {go_quote(self.name)} is probably too long, "
                             "this might not work properly on some systems")
        validate(self.cluster)
        self.plan_nodes()
        self.logger.info(f"Creating cluster {go_quote(self.name)} ...\n")
        try:
            self.provision()
            self.configure()
            self.export_kubeconfig()
        except BaseException:
            if not self.retain:
                delete_cluster(self.logger, self.name, self.kubeconfig_path)
            raise
        finally:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.log_usage()

    def provision(self):
        for image in sorted({node["image"] for node in self.cluster["nodes"]}):
            self.status.start(f"Ensuring node image ({image.split('@sha256:')[0]}) 🖼")
            if not provision.image_present(image):
                self.simulate_pull_retries()
                self.status.end(False)
                raise provision.simulated_pull_failure(image)
            time.sleep(self.pause)
        try:
            provision.ensure_network()
        except KindError as err:
            raise err.wrap("failed to ensure docker network")
        icons = "📦 " * len(self.cluster["nodes"])
        self.step(f"Preparing nodes {icons}", lambda: provision.create_containers(provision.plan(self.cluster)))
        self.pki = self.pool.submit(pki.generate, self.serving_sans())

    def simulate_pull_retries(self):
        # kind tries `docker pull` 4 more times, sleeping 1 s, 2 s, 3 s, 4 s; scaled to the step time
        for attempt in range(4):
            time.sleep((attempt + 1) * self.pause / 4)

    def serving_sans(self):
        sans = [*self.control_planes, *([self.balancer] if self.balancer else []), "kubernetes",
                "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local",
                "localhost", "127.0.0.1", self.cluster["networking"]["apiServerAddress"]]
        fmt = "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}} {{end}}"
        for line in docker.lines("inspect", "--format", fmt, *self.control_planes):
            sans += line.split()
        return sans

    def configure(self):
        if self.balancer:
            backends = "".join(f"{cp}:6443\n" for cp in self.control_planes)
            self.step("Configuring the external load balancer ⚖️",
                      lambda: docker.write_file(self.balancer, "/kind/loadbalancer/backends", backends))
        self.step("Writing configuration 📜", self.write_kubeadm_configs)
        self.step("Starting control-plane 🕹️", self.start_control_plane)
        if not self.cluster["networking"]["disableDefaultCNI"]:
            self.step("Installing CNI 🔌", lambda: None)
        self.step("Installing StorageClass 💾", lambda: docker.exec_in(
            self.control_planes[0], "cat", "/kind/manifests/default-storage.yaml"))
        if len(self.control_planes) > 1:
            self.step("Joining more control-plane nodes 🎮",
                      lambda: [self.install_pki(cp) for cp in self.control_planes[1:]])
        if self.workers:
            self.step("Joining worker nodes 🚜", self.join_workers)
        if self.wait_seconds != 0:
            self.wait_for_ready()

    def concurrently(self, fn, nodes):
        for future in [self.pool.submit(fn, node) for node in nodes]:
            future.result()

    def write_kubeadm_configs(self):
        version = docker.exec_in(self.control_planes[0], "cat", "/kind/version").strip()
        self.concurrently(lambda node: docker.write_file(
            node, "/kind/kubeadm.conf", pki.kubeadm_conf(self.cluster, node, self.endpoint, version)), self.names)
        merges = self.cluster.get("containerdConfigPatches") or []
        json6902 = self.cluster.get("containerdConfigPatchesJSON6902") or []
        if merges or json6902:
            self.concurrently(lambda node: self.patch_containerd(node, merges, json6902), self.names)

    def patch_containerd(self, node, merges, json6902):
        """kind's config action: read, patch, write back; containerd would be restarted next, but the
        double's node runs no containerd: its stand-ins (ctr, crictl) read the file on every call."""
        try:
            current = docker.exec_in(node, "cat", containerd.CONFIG_PATH)
        except KindError as err:
            raise err.wrap("failed to read containerd config from node")
        try:
            patched = containerd.patch(current, merges, json6902)
        except KindError as err:
            raise err.wrap("failed to patch containerd config")
        try:
            docker.write_file(node, containerd.CONFIG_PATH, patched)
        except KindError as err:
            raise err.wrap("failed to write patched containerd config")

    def start_control_plane(self):
        bootstrap = self.control_planes[0]
        try:
            self.install_pki(bootstrap)
            self.wait_for_api_server(bootstrap)
        except KindError as err:
            raise err.wrap("failed to init node with kubeadm")

    def install_pki(self, node):
        """kubeadm init's files: keys first, the serving certificate (which starts the API server) last."""
        bundle = self.pki.result()
        files = [("etc/kubernetes/pki/ca.key", bundle.files["ca.key"], 0o600),
                 ("etc/kubernetes/pki/apiserver.key", bundle.files["apiserver.key"], 0o600),
                 ("etc/kubernetes/pki/ca.crt", bundle.files["ca.crt"], 0o644),
                 ("etc/kubernetes/admin.conf",
                  pki.admin_conf(bundle, self.name, f"https://{self.endpoint}:6443"), 0o600),
                 ("etc/kubernetes/pki/apiserver.crt", bundle.files["apiserver.crt"], 0o644)]
        docker.exec_in(node, "tar", "-x", "-f", "-", "-C", "/", stdin=_tar(files))

    def wait_for_api_server(self, node, timeout=30):
        deadline = time.monotonic() + timeout
        probe = "grep -q ':192B 00000000:0000 0A' /proc/net/tcp"  # something listens on 6443
        while True:
            try:
                docker.exec_in(node, "sh", "-c", probe)
                return
            except KindError as err:
                gone = any(s in (err.output or "") for s in ("No such container", "is not running"))
                if gone or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def join_workers(self):
        bundle = self.pki.result()
        kubelet_conf = ("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n"
                        f"    certificate-authority-data: {bundle.b64('ca.crt')}\n"
                        f"    server: https://{self.endpoint}:6443\n  name: {self.name}\n")
        self.concurrently(lambda w: docker.write_file(w, "/etc/kubernetes/kubelet.conf", kubelet_conf), self.workers)

    def wait_for_ready(self):
        self.status.start(f"Waiting ≤ {format_duration(self.wait_seconds)} for control-plane = Ready ⏳")
        started = time.monotonic()
        try:
            self.wait_for_api_server(self.control_planes[0], timeout=max(0.0, self.wait_seconds))
            time.sleep(min(self.pause, max(0.0, self.wait_seconds)))
        except KindError:
            self.status.end(False)
            self.logger.info(" • WARNING: Timed out waiting for Ready ⚠️")
            return
        self.status.end(True)
        self.logger.info(f" • Ready after {format_duration(time.monotonic() - started)} 💚")

    def export_kubeconfig(self):
        last = None
        for backoff in (0, 0.001, 0.05, 0.1):
            time.sleep(backoff)
            try:
                kubeconfig.write_merged(kubeconfig.get(self.name, external=True), self.kubeconfig_path)
                return
            except KindError as err:
                last = err
        raise last

    def log_usage(self):
        context = kubeconfig.key(self.name)
        sample = f"kubectl cluster-info --context {context}"
        if self.kubeconfig_path:
            sample += " --kubeconfig " + shlex.quote(self.kubeconfig_path)
        self.logger.info(f'Set kubectl context to "{context}"')
        self.logger.info("You can now use your cluster with:\n\n" + sample)
        self.logger.info("")
        self.logger.info(random.choice(SALUTATIONS))


def _tar(files):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path, text, mode in files:
            data = text.encode()
            info = tarfile.TarInfo(path)
            info.size, info.mode, info.mtime = len(data), mode, int(time.time())
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def delete_cluster(logger, name, explicit_kubeconfig):
    """pkg/cluster/internal/delete: kubeconfig entries, then the nodes; a missing cluster is no error."""
    try:
        nodes = docker.list_nodes(name)
    except KindError as err:
        raise err.wrap("error listing nodes")
    try:
        kubeconfig.remove(name, explicit_kubeconfig)
    except KindError as err:
        logger.error_line(f"failed to update kubeconfig: {err}")
    provision.delete_nodes(nodes)
