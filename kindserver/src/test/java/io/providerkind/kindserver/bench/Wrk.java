package io.providerkind.kindserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's wrk (closed loop: each connection sends its next request as soon as it has an answer), the load the
 * issue's throughput figure was measured with: {@code wrk -t2 -c100 -d<s>s} with the password header.
 */
final class Wrk {

    /** One run: what wrk counted and its requests per second. */
    record Result(long requests, long failures, double perSecond) {}

    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final int connections;
    private final Path scratch;

    Wrk(int connections, Path scratch) {
        this.connections = connections;
        this.scratch = scratch;
    }

    Result run(String url, String password, Duration duration) throws IOException, InterruptedException {
        Path output = Files.createTempFile(scratch, "wrk", ".txt");
        Process wrk = new ProcessBuilder(List.of(
                        BINARY.toString(),
                        "-t2",
                        "-c" + connections,
                        "-d" + duration.toSeconds() + "s",
                        "-H",
                        "Authorization: Bearer " + password,
                        url))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (wrk.exitValue() != 0) {
            throw new IOException("wrk failed: " + text);
        }
        long failures = number(NON_2XX, text, 1);
        Matcher errors = SOCKET_ERRORS.matcher(text);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                failures += Long.parseLong(errors.group(group));
            }
        }
        return new Result(number(REQUESTS, text, 1), failures, Double.parseDouble(match(RATE, text, 1)));
    }

    private static long number(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(group)) : 0;
    }

    private static String match(Pattern pattern, String text, int group) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException("unexpected wrk output: " + text);
        }
        return matcher.group(group);
    }
}
