package io.providerkind.kindserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process and its descendants (nginx's workers) have used, from Linux's {@code /proc/<pid>/stat}: the
 * same reading for kindserver and nginx, and one that other load on the machine does not change, unlike a rate.
 */
final class ProcessCpu {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat} times; 100 on every architecture kindserver runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User plus system time of {@code pid} and every live descendant, in nanoseconds. */
    static long nanos(long pid) throws IOException {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
        long ticks = 0;
        for (ProcessHandle process :
                Stream.concat(Stream.of(root), root.descendants()).toList()) {
            ticks += ticks(process.pid());
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    private static long ticks(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException gone) {
            return 0;
        }
        // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }
}
