package io.providerkind.testsupport.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux says a process has used, from {@code /proc}: its CPU time, which other load on the machine changes far
 * less than a wall time or a rate, and its resident memory, which is what a container's memory limit meets. The
 * benchmarks' one reading of both, for a JVM of theirs ({@link JavaProcess#pid()}) or any other program.
 */
public final class ProcessUsage {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times: 100 on every architecture this project runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessUsage() {}

    /** User plus system CPU time of {@code pid} so far, in nanoseconds; 0 once it is gone. */
    public static long cpuNanos(long pid) throws IOException {
        return ticks(pid) * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** {@link #cpuNanos} of {@code pid} and of every live descendant (e.g. nginx's workers). */
    public static long cpuNanosWithDescendants(long pid) throws IOException {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
        List<ProcessHandle> tree =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        long nanos = 0;
        for (ProcessHandle process : tree) {
            nanos += cpuNanos(process.pid());
        }
        return nanos;
    }

    /** Resident set size now ({@code VmRSS} of {@code /proc/<pid>/status}), in bytes. */
    public static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(proc(pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                // "VmRSS:     123456 kB"
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in " + proc(pid, "status"));
    }

    private static long ticks(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(proc(pid, "stat"));
        } catch (NoSuchFileException gone) {
            return 0;
        }
        // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    private static Path proc(long pid, String file) {
        return Path.of("/proc", Long.toString(pid), file);
    }
}
