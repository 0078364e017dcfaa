package io.providerkind.install.scripts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the Job scripts, run as its Job runs it: with busybox's sh (the image's shell is busybox ash), the
 * environment the composition gives it and nothing else inherited but PATH.
 */
record Script(Path file) {

    /** What a run printed (stdout and stderr, in order) and how it ended; {@code tag} starts each of its log lines' texts. */
    record Run(int exitCode, String output, String tag) {
        List<String> lines() {
            return output.lines().toList();
        }

        /** Each expected text is in a log line of the script's, in this order. */
        void assertLogged(String... expected) {
            List<String> lines = lines();
            int from = 0;
            for (String text : expected) {
                int at = from;
                while (at < lines.size()
                        && !(lines.get(at).contains(tag) && lines.get(at).contains(text))) {
                    at++;
                }
                assertTrue(at < lines.size(), "no log line with '" + text + "' (in order) in:\n" + output);
                from = at + 1;
            }
        }
    }

    Run run(Map<String, String> environment, String path) {
        ProcessBuilder builder = new ProcessBuilder("busybox", "sh", file.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(
                        file + " did not end within 2 minutes:\n" + new String(output, StandardCharsets.UTF_8));
            }
            String name = file.getFileName().toString();
            return new Run(
                    process.exitValue(),
                    new String(output, StandardCharsets.UTF_8),
                    " " + name.substring(0, name.length() - ".sh".length()) + ": ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + file + " ran", e);
        }
    }
}
