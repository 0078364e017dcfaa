package io.providerkind.testsupport.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The docker CLI, called as `make image`, the kind test double and an operator call it. */
public record DockerCli(Duration timeout) {

    public record Result(int exitCode, String out, String err) {}

    /** Whether a Docker engine answers the CLI at all. */
    public boolean engineAnswers() {
        try {
            return run("version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean hasImage(String image) throws IOException {
        return run("image", "inspect", image).exitCode() == 0;
    }

    /** Runs a docker command that must succeed and gives its standard output, trimmed. */
    public String check(String... args) throws IOException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
                    + result.err() + result.out());
        }
        return result.out().trim();
    }

    public Result run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String out = text(process.getInputStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
        return new Result(process.exitValue(), out, err.join());
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
