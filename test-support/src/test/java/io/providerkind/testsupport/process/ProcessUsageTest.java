package io.providerkind.testsupport.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The benchmarks' readings of /proc, checked on this very JVM against what it did. */
class ProcessUsageTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void cpuTimeCountsTheWorkDone() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = ProcessUsage.cpuNanos(SELF);
        long threadStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        // 200 ms of this thread's CPU, whatever else the machine runs
        while (threads.getCurrentThreadCpuTime() - threadStart < 200_000_000L) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        long used = ProcessUsage.cpuNanos(SELF) - before;

        assertTrue(used >= 180_000_000L, "counted " + used + " ns for 200 ms of work (" + sink + ")");
    }

    @Test
    void cpuTimeWithDescendantsCountsTheProcessItself() throws Exception {
        // read first: this JVM's other threads (JIT, GC) go on using CPU between two reads, so the later one is larger
        long self = ProcessUsage.cpuNanos(SELF);
        long withDescendants = ProcessUsage.cpuNanosWithDescendants(SELF);

        assertTrue(withDescendants >= self, withDescendants + " ns with descendants, " + self + " ns alone");
    }

    @Test
    void residentMemoryCountsPagesTouched() throws Exception {
        long before = ProcessUsage.residentBytes(SELF);
        // outside the heap, whose pages may be resident already: fresh memory, which the JVM zeroes, so touches
        ByteBuffer touched = ByteBuffer.allocateDirect(64 << 20);
        long after = ProcessUsage.residentBytes(SELF);

        assertEquals(0, touched.get(touched.capacity() - 1));
        assertTrue(after - before >= 56L << 20, "resident " + before + " -> " + after + " bytes after 64 MiB");
    }

    @Test
    void aProcessThatIsGoneHasUsedNothingMore() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long pid = done.pid();

        assertEquals(0, ProcessUsage.cpuNanos(pid));
    }
}
