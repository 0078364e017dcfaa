package io.providerkind.kindserver.kind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command inside a kind node the way kind itself does its work there: {@code docker exec -i <node> ...} with
 * the docker CLI (which kind needs on the host anyway), the input on stdin, never through a shell of the host.
 */
public final class NodeCommands {

    private final String docker;
    private final BoundedCommand commands;

    /** @param docker the docker CLI, a path or a name looked up on PATH */
    public NodeCommands(String docker, ChildEnvironment environment) {
        this.docker = docker;
        this.commands = new BoundedCommand(environment);
    }

    /** The docker CLI on PATH with kindserver's environment minus its secrets, as kind gets it. */
    public static NodeCommands onPath() {
        return new NodeCommands("docker", ChildEnvironment.inherited());
    }

    /**
     * Runs {@code command} in {@code node} with {@code stdin} as its input and answers its stdout; a non-zero exit
     * is a {@link KindCommandException} quoting the command's own error output.
     *
     * @throws InterruptedException the calling thread was interrupted; the command was stopped
     */
    public String run(String node, List<String> command, String stdin, Duration timeout)
            throws KindCommandException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(docker, "exec", "-i", node));
        line.addAll(command);
        String what = "docker exec " + node + " " + command.get(0);
        BoundedCommand.Result result = commands.run(line, stdin.getBytes(StandardCharsets.UTF_8), timeout, what);
        if (result.exitCode() != 0) {
            String output = (result.err() + result.out()).strip();
            throw new KindCommandException(what + " failed (exit code " + result.exitCode() + ")"
                    + (output.isEmpty() ? "" : ": " + output.substring(Math.max(0, output.length() - 500))));
        }
        return result.out();
    }
}
