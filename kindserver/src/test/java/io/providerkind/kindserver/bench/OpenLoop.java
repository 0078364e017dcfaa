package io.providerkind.kindserver.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: {@code rate} GETs per second in all, spread evenly over {@code connections}
 * keep-alive TLS 1.3 connections ({@link Connections}, which outlive a run), each request due at a fixed time
 * whatever the answers before it. A latency counts from when its request was due, not from when it could be sent,
 * so a server that stalls is charged for every request its stall delayed (no coordinated omission). Warm-up
 * requests are sent but not counted.
 *
 * @param connections concurrent connections, each sending one request at a time
 * @param rate        requests per second over all connections
 * @param warmUp      time run before counting
 * @param duration    counted time
 */
record OpenLoop(int connections, int rate, Duration warmUp, Duration duration) {

    /**
     * What one run measured; latencies in nanoseconds. {@code perSecond} is over the time until the last counted
     * answer, so a generator or server that fell behind its schedule shows a rate below the one asked for.
     */
    record Result(int requests, int failures, double perSecond, long p50, long p99, long p999, long max) {}

    Result run(Connections pool) throws InterruptedException {
        if (pool.size() < connections) {
            throw new IllegalArgumentException(connections + " connections asked of a pool of " + pool.size());
        }
        long interval = Duration.ofSeconds(1).toNanos() * connections / rate;
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos(); // time to open the connections
        long counted = start + warmUp.toNanos();
        long end = counted + duration.toNanos();
        int perConnection = (int) (duration.toNanos() / interval) + 1;
        long[][] latencies = new long[connections][];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int index = c;
            long first = start + interval * c / connections;
            Thread thread = new Thread(
                    () -> {
                        long[] mine = new long[perConnection];
                        int n = 0;
                        try {
                            n = drive(pool, index, first, interval, counted, end, mine, failures);
                        } finally {
                            latencies[index] = Arrays.copyOf(mine, n);
                            done.countDown();
                        }
                    },
                    "open-loop-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = Math.max(duration.toNanos(), System.nanoTime() - counted) / 1e9;
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                all.length,
                failures.get(),
                all.length / seconds,
                percentile(all, 50),
                percentile(all, 99),
                percentile(all, 99.9),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    /** One connection's schedule: returns how many counted latencies it wrote into {@code latencies}. */
    private static int drive(
            Connections pool,
            int slot,
            long first,
            long interval,
            long counted,
            long end,
            long[] latencies,
            AtomicInteger failures) {
        int n = 0;
        for (long due = first; due < end; due += interval) {
            sleepUntil(due);
            boolean ok;
            try {
                ok = pool.get(slot).get().status() == 200;
            } catch (IOException e) {
                ok = false;
                pool.drop(slot);
            }
            long latency = System.nanoTime() - due;
            if (due >= counted) {
                if (ok && n < latencies.length) {
                    latencies[n++] = latency;
                } else if (!ok) {
                    failures.incrementAndGet();
                }
            }
        }
        return n;
    }

    private static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
