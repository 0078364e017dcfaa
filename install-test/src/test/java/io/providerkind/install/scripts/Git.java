package io.providerkind.install.scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The git command line as the tests' git server and loopback Forgejo use it: no user or system config is read. */
final class Git {

    record Result(int exitCode, String output) {}

    private Git() {}

    static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=edfbuilder test",
                "-c",
                "user.email=test@edfbuilder.invalid",
                "-c",
                "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "git " + String.join(" ", args) + " did not end within a minute");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What {@code git args} printed; fails the test if git failed. */
    static String must(Path dir, String... args) {
        Result result = run(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }
}
