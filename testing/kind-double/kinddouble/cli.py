"""kind's command tree (pkg/cmd/kind) for the commands the double implements, and its main.

Output goes where kind sends it: status lines, notices and errors to stderr (silenced by -q), results
(cluster and node names, kubeconfigs, the version) to stdout. Any error prints `ERROR: <message>`, then
`Command Output: ...` when a command failed, and exits 1.
"""
import os
import signal
import sys

from . import GO_VERSION, KIND_VERSION, config, docker, kubeconfig
from .create import Creation, delete_cluster
from .load import load_docker_images
from .flags import Command, Flag, find_command, parse_flags, usage
from .log import KindError, Logger, go_quote

KUBECONFIG_USAGE = "sets kubeconfig path instead of $KUBECONFIG or $HOME/.kube/config"


def _name(ctx, default="kind"):
    """cli.OverrideDefaultName: --name, else $KIND_CLUSTER_NAME, else the default."""
    if "name" not in ctx.changed and os.environ.get("KIND_CLUSTER_NAME"):
        return os.environ["KIND_CLUSTER_NAME"]
    return ctx.values["name"] if "name" in ctx.changed else default


def create_cluster(ctx):
    try:
        if ctx.values["config"] == "-":
            cluster = config.parse(sys.stdin.buffer.read())
        else:
            cluster = config.load_file(ctx.values["config"])
        name = _name(ctx, default="")
        if name:
            cluster["name"] = name
        cluster["name"] = cluster["name"] or "kind"
        if ctx.values["image"]:
            for node in cluster["nodes"]:
                node["image"] = ctx.values["image"]
        Creation(ctx.logger, cluster, ctx.values["retain"], ctx.values["wait"], ctx.values["kubeconfig"]).run()
    except KindError as err:
        raise err.wrap("failed to create cluster")


def delete_one(ctx):
    name = _name(ctx)
    ctx.logger.info(f"Deleting cluster {go_quote(name)} ...")
    try:
        delete_cluster(ctx.logger, name, ctx.values["kubeconfig"])
    except KindError as err:
        raise err.wrap(f"failed to delete cluster {go_quote(name)}")


def delete_many(ctx):
    names = ctx.positional
    if not ctx.values["all"] and not names:
        raise KindError("no cluster names provided")
    if ctx.values["all"]:
        try:
            names = list_clusters()
        except KindError as err:
            raise err.wrap("failed listing clusters for delete")
    deleted = []
    for name in names:
        try:
            delete_cluster(ctx.logger, name, ctx.values["kubeconfig"])
            deleted.append(name)
        except KindError as err:
            ctx.logger.info(f"failed to delete cluster {go_quote(name)}: {err}\n")
    ctx.logger.info("Deleted clusters: [" + " ".join(go_quote(n) for n in deleted) + "]")


def list_clusters():
    try:
        found = docker.lines("ps", "-a", "--filter", "label=io.x-k8s.kind.cluster",
                             "--format", '{{.Label "io.x-k8s.kind.cluster"}}')
    except KindError as err:
        raise err.wrap("failed to list clusters")
    return sorted(set(found))


def get_clusters(ctx):
    clusters = list_clusters()
    if not clusters:
        ctx.logger.info("No kind clusters found.")
    for name in clusters:
        print(name)


def get_nodes(ctx):
    if ctx.values["all-clusters"]:
        nodes = [n for cluster in list_clusters() for n in docker.list_nodes(cluster)]
    else:
        nodes = docker.list_nodes(_name(ctx))
    if not nodes:
        ctx.logger.info("No kind nodes for any cluster." if ctx.values["all-clusters"]
                        else f"No kind nodes found for cluster {go_quote(_name(ctx))}.")
    for node in nodes:
        print(node)


def get_kubeconfig(ctx):
    config_text = kubeconfig.encode(kubeconfig.get(_name(ctx), external=not ctx.values["internal"]))
    print(config_text)


def export_kubeconfig(ctx):
    name = _name(ctx)
    kubeconfig.write_merged(kubeconfig.get(name, external=not ctx.values["internal"]), ctx.values["kubeconfig"])
    ctx.logger.info(f"Set kubectl context to {go_quote(kubeconfig.key(name))}")


def load_docker_image(ctx):
    if not ctx.positional:
        raise KindError("a list of image names is required")
    load_docker_images(ctx.logger, _name(ctx), ctx.positional, ctx.values["nodes"])


def load_without_subcommand(ctx):
    sys.stdout.write(usage(ctx.command))
    raise KindError("Subcommand is required")


def version(ctx):
    print(KIND_VERSION if ctx.logger.quiet else f"kind v{KIND_VERSION} {GO_VERSION} linux/amd64")


def not_in_double(ctx):
    raise KindError(f'"{ctx.command.path()}" is not implemented by the kind test double '
                    "(see testing/README.md)")


def command_tree():
    name = Flag("name", "string", "kind", "the cluster context name", "n")
    kubeconfig_flag = Flag("kubeconfig", "string", "", KUBECONFIG_USAGE)
    internal = Flag("internal", "bool", False, "use internal address instead of external")
    create = Command("create", "Creates one of [cluster]", subcommands=[Command(
        "cluster", "Creates a local Kubernetes cluster using Docker container 'nodes'", run=create_cluster, flags=[
            Flag("name", "string", "", "cluster name, overrides KIND_CLUSTER_NAME, config (default kind)", "n"),
            Flag("config", "string", "", "path to a kind config file"),
            Flag("image", "string", "", "node docker image to use for booting the cluster"),
            Flag("retain", "bool", False, "retain nodes for debugging when cluster creation fails"),
            Flag("wait", "duration", 0.0, "wait for control plane node to be ready (default 0s)"),
            kubeconfig_flag])])
    delete = Command("delete", "Deletes one of [cluster]", subcommands=[
        Command("cluster", "Deletes a cluster", run=delete_one, flags=[name, kubeconfig_flag]),
        Command("clusters", "Deletes one or more clusters", run=delete_many, args="any", flags=[
            kubeconfig_flag, Flag("all", "bool", False, "delete all clusters", "A")])])
    get = Command("get", "Gets one of [clusters, nodes, kubeconfig]", subcommands=[
        Command("clusters", "Lists existing kind clusters by their name", run=get_clusters),
        Command("nodes", "Lists existing kind nodes by their name", run=get_nodes, flags=[
            name, Flag("all-clusters", "bool", False, "If present, list all the available nodes across all "
                       "cluster contexts. Current context is ignored even if specified with --name.", "A")]),
        Command("kubeconfig", "Prints cluster kubeconfig", run=get_kubeconfig, flags=[name, internal])])
    export = Command("export", "Exports one of [kubeconfig, logs]", subcommands=[
        Command("kubeconfig", "Exports cluster kubeconfig", run=export_kubeconfig,
                flags=[name, kubeconfig_flag, internal]),
        Command("logs", "Exports logs to a tempdir or [output-dir] if specified", run=not_in_double, args="any")])
    load = Command("load", "Loads images into nodes", run=load_without_subcommand, subcommands=[
        Command("docker-image", "Loads docker images from host into nodes", run=load_docker_image, args="any",
                flags=[name, Flag("nodes", "stringSlice", [], "comma separated list of nodes to load images into")]),
        Command("image-archive", "Loads docker image from archive into nodes", run=not_in_double, args="any")])
    others = [Command(n, f"kind {n} (not in the test double)", run=not_in_double, args="any")
              for n in ("build", "completion")]
    return Command("kind", "kind creates and manages local Kubernetes clusters using Docker container 'nodes'",
                   flags=[Flag("loglevel", "string", "", "DEPRECATED: see -v instead"),
                          Flag("verbosity", "int32", 0, "info log verbosity, higher value produces more output", "v"),
                          Flag("quiet", "bool", False, "silence all stderr output", "q"),
                          Flag("version", "bool", False, "version for kind")],
                   subcommands=[create, delete, export, get, load,
                                Command("version", "Prints the kind CLI version", run=version), *others])


class Context:
    def __init__(self, command, values, changed, positional, logger):
        self.command, self.values, self.changed, self.positional, self.logger = \
            command, values, changed, positional, logger


def _quiet(args):
    """app.checkQuiet: -q / --quiet anywhere silences stderr, even for flag errors."""
    quiet = False
    for arg in args:
        if arg == "--":
            break
        if arg in ("-q", "--quiet", "--quiet=true", "-q=true"):
            quiet = True
        elif arg in ("--quiet=false", "-q=false"):
            quiet = False
    return quiet


def run(args):
    logger = Logger(quiet=_quiet(args))
    try:
        command, rest = find_command(command_tree(), args)
        values, changed, positional = parse_flags(command, rest)
        logger.verbosity = values["verbosity"]
        if values["help"] or (command.run is None and not positional and not values.get("version")):
            sys.stdout.write(usage(command))
            return 0
        if values.get("version") and command.parent is None:
            print(f"kind version {KIND_VERSION}")
            return 0
        if command.args == "none" and positional:
            raise KindError(f"unknown command {go_quote(positional[0])} for {go_quote(command.path())}")
        if values["loglevel"] and "verbosity" not in changed:
            logger.warn("WARNING: --loglevel is deprecated, please switch to -v and -q!")
        command.run(Context(command, values, changed, positional, logger))
        return 0
    except KindError as err:
        logger.error(err)
        return 1


def main():
    # die on signals as a Go program does: no Python traceback, nothing cleaned up
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except Exception as err:  # a bug in the double: still say it kind's way
        sys.stderr.write(f"ERROR: kind test double internal error: {err!r}\n")
        code = 1
    sys.exit(code)
