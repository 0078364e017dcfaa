"""The kind test double: kind v0.24's CLI contract on a real Docker engine, with light-weight nodes.

See testing/README.md for what is faithful to kind and what is simulated.
"""

KIND_VERSION = "0.24.0"
GO_VERSION = "go1.22.6"
DEFAULT_NODE_IMAGE = "kindest/node:v1.31.0"
CLUSTER_LABEL = "io.x-k8s.kind.cluster"
ROLE_LABEL = "io.x-k8s.kind.role"
NETWORK = "kind"
API_SERVER_PORT = 6443
