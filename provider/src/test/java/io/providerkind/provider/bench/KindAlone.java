package io.providerkind.provider.bench;

import io.providerkind.kindserver.testing.KindDouble;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The reference: kind making the cluster by itself, as a user would run it, with the same double and step time. */
final class KindAlone {

    private KindAlone() {}

    /** Runs {@code kind create cluster}, then deletes the cluster; answers how long the create took, in ms. */
    static long create(TimedKind kind, Path config, String step, String name) throws IOException, InterruptedException {
        long started = System.currentTimeMillis();
        run(kind, step, List.of("create", "cluster", "--name", name, "--config", config.toString()));
        long took = System.currentTimeMillis() - started;
        run(kind, step, List.of("delete", "cluster", "--name", name));
        return took;
    }

    private static void run(TimedKind kind, String step, List<String> arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(kind.executable().toString());
        builder.command().addAll(arguments);
        builder.environment().put(KindDouble.STEP_SECONDS, step);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("kind " + String.join(" ", arguments) + " failed");
        }
    }
}
