"""The docker CLI, run the way kind runs it (pkg/exec): a failed command becomes an error whose text
is `command "<pretty command>" failed with error: exit status N` and whose output is shown after it."""
import shlex
import subprocess

from .log import KindError


def pretty_command(args):
    return " ".join(shlex.quote(a) for a in args)


class RunError(KindError):
    def __init__(self, args, returncode, output):
        super().__init__(f'command "{pretty_command(args)}" failed with error: exit status {returncode}', output)
        self.returncode = returncode


def docker(*args, stdin=None):
    """Runs `docker args...`; returns stdout as text, raises RunError with the combined output."""
    cmd = ["docker", *args]
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True)
    except FileNotFoundError:
        raise KindError(f'command "{pretty_command(cmd)}" failed with error: exec: "docker": '
                        'executable file not found in $PATH')
    out = proc.stdout.decode(errors="replace")
    if proc.returncode != 0:
        raise RunError(cmd, proc.returncode, out + proc.stderr.decode(errors="replace"))
    return out


def lines(*args):
    return [line for line in docker(*args).splitlines() if line != ""]


def exec_in(node, *command, stdin=None):
    """kind's node.Command, `docker exec [-i] <node> command...`, less kind's --privileged: the double's
    nodes are not privileged containers (and engines in CI sandboxes may not allow it)."""
    flags = ["-i"] if stdin is not None else []
    return docker("exec", *flags, node, *command, stdin=stdin)


def write_file(node, path, content):
    """kind's nodeutils.WriteFile: mkdir -p the directory, then cp /dev/stdin into the file."""
    directory = path.rsplit("/", 1)[0] or "/"
    exec_in(node, "mkdir", "-p", directory)
    data = content.encode() if isinstance(content, str) else content
    exec_in(node, "cp", "/dev/stdin", path, stdin=data)


def list_nodes(cluster):
    """Names of the cluster's node containers, running or not, as kind's ListNodes."""
    try:
        return lines("ps", "-a", "--filter", f"label=io.x-k8s.kind.cluster={cluster}", "--format", "{{.Names}}")
    except KindError as err:
        raise err.wrap("failed to list nodes")


def node_roles(names):
    """{name: io.x-k8s.kind.role} for the given containers."""
    if not names:
        return {}
    fmt = '{{.Name}}\t{{ index .Config.Labels "io.x-k8s.kind.role" }}'
    roles = {}
    for line in lines("inspect", "--format", fmt, *names):
        name, _, role = line.partition("\t")
        roles[name.lstrip("/")] = role
    return roles
