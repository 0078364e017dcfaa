"""`kind load docker-image` (pkg/cmd/kind/load/docker-image and pkg/cluster/nodeutils in kind v0.24.0).

Same steps as kind: the host's image IDs (`docker image inspect -f {{ .Id }}`), the cluster's internal
nodes (the external load balancer is no Kubernetes node), the --nodes selection, the per-node presence
check through `crictl inspecti` (repo tags by image ID, then the ID by name), one `docker save` of all
images, then `ctr images import` of that archive into every selected node concurrently, with the
snapshotter read from `containerd config dump` as kind reads it. The node-side tools are the node
image's stand-ins (testing/node-image/rootfs/usr/local/bin).
"""
import concurrent.futures
import json
import os
import tempfile
import tomllib

from . import docker
from .log import KindError, go_quote


def load_docker_images(logger, cluster, images, node_names):
    images = list(dict.fromkeys(images))  # removeDuplicates, order kept
    ids = []
    for image in images:
        image_id = _host_image_id(image)
        if image_id is None:
            raise KindError(f"image: {go_quote(image)} not present locally")
        ids.append(image_id)
    nodes = internal_nodes(cluster)
    if not nodes:
        raise KindError(f"no nodes found for cluster {go_quote(cluster)}")
    candidates = nodes
    if node_names:
        candidates = []
        for name in node_names:
            if name not in nodes:
                raise KindError(f"unknown node: {go_quote(name)}")
            candidates.append(name)
    selected = {}  # kind's map: several images, one import per node
    for image, image_id in zip(images, ids):
        processed = False
        for node in candidates:
            tags = _image_tags(node, image_id)
            if tags:
                wanted = sanitize_image(image)
                if wanted in tags:
                    continue
                logger.info(f"Image with ID: {image_id} already present on the node {node} but is missing the tag "
                            f"{wanted}. re-tagging...")
                try:
                    docker.exec_in(node, "ctr", "--namespace=k8s.io", "images", "tag", "--force", image_id, wanted)
                    processed = True
                except KindError as err:
                    logger.error_line(f"failed to re-tag image on the node {node} due to an error {err}. "
                                      "Will load it instead...")
                    selected[node] = True
                continue
            if _image_id_on_node(node, image) != image_id:
                selected[node] = True
                logger.info(f"Image: {go_quote(image)} with ID {go_quote(image_id)} not yet present on node "
                            f"{go_quote(node)}, loading...")
        if not selected and not processed:
            logger.info(f"Image: {go_quote(image)} with ID {go_quote(image_id)} found to be already present on "
                        "all nodes.")
    if not selected:
        return
    with tempfile.TemporaryDirectory(prefix="images-tar") as directory:
        archive = os.path.join(directory, "images.tar")
        docker.docker("save", "-o", archive, *images)
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(selected)) as pool:
            for future in [pool.submit(_import, node, archive) for node in selected]:
                future.result()


def internal_nodes(cluster):
    """ListInternalNodes: the cluster's containers less the external load balancer."""
    names = docker.list_nodes(cluster)
    roles = docker.node_roles(names)
    return [n for n in names if roles.get(n) != "external-load-balancer"]


def _host_image_id(image):
    try:
        found = docker.lines("image", "inspect", "-f", "{{ .Id }}", image)
    except KindError:
        return None
    return found[0] if len(found) == 1 else None


def _inspecti(node, ref):
    try:
        return json.loads(docker.exec_in(node, "crictl", "inspecti", ref)).get("status") or {}
    except (KindError, ValueError):
        return None


def _image_tags(node, image_id):
    status = _inspecti(node, image_id)
    return set(status.get("repoTags") or []) if status else set()


def _image_id_on_node(node, image):
    status = _inspecti(node, image)
    return status.get("id") if status else None


def sanitize_image(image):
    """kind's sanitizeImage (docker-image.go): docker.io/, library/ and :latest added as docker does."""
    name = image if "/" in image else "library/" + image
    first = name.split("/", 1)[0]
    if "/" not in name or (not any(c in first for c in ".:") and first != "localhost"):
        name = "docker.io/" + name
    if ":" not in name:
        name += ":latest"
    return name


def _snapshotter(node):
    try:
        dumped = docker.exec_in(node, "containerd", "config", "dump")
    except KindError as err:
        raise err.wrap("failed to detect containerd snapshotter")
    try:
        value = tomllib.loads(dumped)["plugins"]["io.containerd.grpc.v1.cri"]["containerd"]["snapshotter"]
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as err:
        raise KindError("failed to detect containerd snapshotter") from err
    if not isinstance(value, str):
        raise KindError("failed to detect containerd snapshotter")
    return value


def _import(node, archive):
    snapshotter = _snapshotter(node)
    with open(archive, "rb") as f:
        data = f.read()
    try:
        docker.exec_in(node, "ctr", "--namespace=k8s.io", "images", "import", "--all-platforms", "--digests",
                       f"--snapshotter={snapshotter}", "-", stdin=data)
    except KindError as err:
        raise err.wrap("failed to load image")

