package io.providerkind.provider.bench;

import io.providerkind.kindserver.testing.KindDouble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind test double behind a wrapper that writes when each run starts and ends (epoch milliseconds) to a trace
 * file, so that a benchmark can tell the time kind itself takes from the time around it. The wrapper adds two
 * {@code date} calls per run, a few milliseconds, to what it measures.
 */
final class TimedKind {

    /** One run of kind: its arguments, and when it started and ended. */
    record Run(List<String> arguments, long startMillis, long endMillis) {

        boolean is(String command, String cluster) {
            return String.join(" ", arguments).startsWith(command)
                    && arguments.contains("--name")
                    && arguments.indexOf("--name") + 1 < arguments.size()
                    && arguments.get(arguments.indexOf("--name") + 1).equals(cluster);
        }

        long millis() {
            return endMillis - startMillis;
        }
    }

    private final Path executable;
    private final Path trace;

    private TimedKind(Path directory) {
        this.executable = directory.resolve("kind");
        this.trace = directory.resolve("trace");
    }

    static TimedKind in(Path directory) {
        TimedKind kind = new TimedKind(directory);
        String script = """
                #!/bin/sh
                echo "$(date +%%s%%3N) start $$ $*" >> '%s'
                '%s' "$@"
                rc=$?
                echo "$(date +%%s%%3N) end $$ $rc" >> '%s'
                exit $rc
                """.formatted(kind.trace, KindDouble.executable(), kind.trace);
        try {
            Files.createDirectories(directory);
            Files.writeString(kind.executable, script);
            Files.setPosixFilePermissions(kind.executable, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kind;
    }

    Path executable() {
        return executable;
    }

    /** The first finished run of {@code command} (e.g. "create cluster") for {@code cluster}. */
    Optional<Run> first(String command, String cluster) {
        return runs().stream().filter(r -> r.is(command, cluster)).findFirst();
    }

    /** Every finished run of {@code command} for {@code cluster}. */
    List<Run> all(String command, String cluster) {
        return runs().stream().filter(r -> r.is(command, cluster)).toList();
    }

    private List<Run> runs() {
        List<String> lines;
        try {
            lines = Files.exists(trace) ? Files.readAllLines(trace) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> started = new HashMap<>();
        List<Run> runs = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ", 4);
            if (fields.length >= 3 && fields[1].equals("start")) {
                started.put(fields[2], fields);
            } else if (fields.length >= 3 && fields[1].equals("end") && started.containsKey(fields[2])) {
                String[] start = started.remove(fields[2]);
                List<String> arguments = start.length > 3 ? List.of(start[3].split(" ")) : List.of();
                runs.add(new Run(arguments, Long.parseLong(start[0]), Long.parseLong(fields[0])));
            }
        }
        return runs;
    }
}
