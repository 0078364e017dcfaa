package io.providerkind.kindserver.kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for the kind binary, for tests of how {@link KindCli} runs kind and reads its output (no
 * containers: the real test double is for that). It prints kind's status lines, records what it was given
 * in its directory, and behaves by cluster name: {@code fail} fails like kind, {@code slow} hangs with a
 * child process until stopped.
 */
final class FakeKind {

    private static final String SCRIPT = """
            #!/usr/bin/env bash
            dir="$(dirname "$0")"
            echo "$*" >> "$dir/calls"
            verb="$1 $2"; shift 2
            internal=no
            while [ $# -gt 0 ]; do
              case "$1" in
                --name) name="$2"; shift ;;
                --config) config="$2"; shift ;;
                --kubeconfig) kubeconfig="$2"; shift ;;
                --internal) internal=yes ;;
              esac
              shift
            done
            case "$verb" in
              "create cluster")
                [ "$config" = "-" ] && cat > "$dir/config-$name"
                echo "$kubeconfig" > "$dir/kubeconfig-path-$name"
                stat -c %a "$(dirname "$kubeconfig")" > "$dir/kubeconfig-dir-mode-$name"
                echo "Creating cluster \\"$name\\" ..." >&2
                case "$name" in
                  fail)
                    echo " • Ensuring node image (kindest/node:v9.9.9) 🖼  ..." >&2
                    echo " ✗ Ensuring node image (kindest/node:v9.9.9) 🖼" >&2
                    echo "ERROR: failed to create cluster: failed to pull image \\"kindest/node:v9.9.9\\"" >&2
                    exit 1 ;;
                  slow)
                    echo " • Ensuring node image (kindest/node:v1.31.0) 🖼  ..." >&2
                    sleep 300 &
                    echo $! > "$dir/child-pid"
                    wait
                    exit 0 ;;
                esac
                for step in "Ensuring node image (kindest/node:v1.31.0) 🖼" "Preparing nodes 📦" \\
                    "Writing configuration 📜" "Starting control-plane 🕹️" "Installing CNI 🔌" "Installing StorageClass 💾"; do
                  echo " • $step  ..." >&2
                  sleep 0.02
                  echo " ✓ $step" >&2
                done
                printf 'apiVersion: v1\\nkind: Config\\n' > "$kubeconfig"
                echo "Set kubectl context to \\"kind-$name\\"" >&2
                exit 0 ;;
              "get kubeconfig")
                if [ "$name" = "missing" ]; then
                  echo "ERROR: could not locate any control plane nodes for cluster named '$name'. Use the --name option to select a different cluster" >&2
                  exit 1
                fi
                server="https://127.0.0.1:36443"
                [ "$internal" = yes ] && server="https://$name-control-plane:6443"
                printf 'apiVersion: v1\\nkind: Config\\nclusters:\\n- cluster:\\n    server: %s\\n  name: kind-%s\\n' "$server" "$name"
                exit 0 ;;
              "delete cluster")
                echo "$kubeconfig" > "$dir/delete-kubeconfig-path-$name"
                echo "Deleting cluster \\"$name\\" ..." >&2
                exit 0 ;;
            esac
            echo "ERROR: unknown command $verb" >&2
            exit 1
            """;

    private FakeKind() {}

    /** Writes the fake kind into {@code dir} and answers its path. */
    static Path install(Path dir) throws IOException {
        Path kind = dir.resolve("kind");
        Files.writeString(kind, SCRIPT);
        Files.setPosixFilePermissions(kind, PosixFilePermissions.fromString("rwx------"));
        return kind;
    }
}
