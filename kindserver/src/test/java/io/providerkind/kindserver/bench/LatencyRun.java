package io.providerkind.kindserver.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Runs one benchmark level: {@code clients} threads each calling their own caller until the time or request
 * budget is spent, after a warm-up. Every latency is kept, so percentiles are exact.
 *
 * <p>With a zero {@code pace} each caller calls again as soon as it has its answer (closed loop: the level
 * measures capacity, and latency is queueing once the server is saturated). With a pace each caller calls
 * once per pace, as provider-kind's pollers do, and a latency counts from when the call was due, so a
 * stalled server cannot hide its stall by delaying the calls it would have answered slowly.
 *
 * @param name     what is measured
 * @param clients  concurrent callers
 * @param pace     interval between one caller's calls, or zero for a closed loop
 * @param warmUp   time run before measuring (JIT, connection set-up)
 * @param duration measuring time at most
 * @param maxCalls measured calls at most, over all callers
 */
record LatencyRun(String name, int clients, Duration pace, Duration warmUp, Duration duration, int maxCalls) {

    /** One caller's call; throws to report a failed request. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** The percentiles of one level. */
    record Result(
            String name, int clients, int calls, int failures, double seconds, long p50, long p90, long p99, long max) {

        double perSecond() {
            return calls / seconds;
        }
    }

    /** @param callers makes caller {@code i}'s call (each caller may hold its own client) */
    Result run(IntFunction<Call> callers) throws InterruptedException {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(callers.apply(i));
        }
        loop(calls, warmUp.toNanos(), Integer.MAX_VALUE, pace.toNanos());
        long start = System.nanoTime();
        long[][] latencies = loop(calls, duration.toNanos(), Math.max(1, maxCalls / clients), pace.toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies)
                .flatMapToLong(Arrays::stream)
                .filter(l -> l >= 0)
                .sorted()
                .toArray();
        int failures = (int) Arrays.stream(latencies)
                .flatMapToLong(Arrays::stream)
                .filter(l -> l < 0)
                .count();
        return new Result(
                name,
                clients,
                all.length,
                failures,
                seconds,
                percentile(all, 50),
                percentile(all, 90),
                percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    /** Latencies in nanoseconds per caller; a failed call is recorded as -1. */
    private static long[][] loop(List<Call> calls, long budgetNanos, int perCaller, long paceNanos)
            throws InterruptedException {
        long[][] latencies = new long[calls.size()][];
        CountDownLatch done = new CountDownLatch(calls.size());
        long deadline = System.nanoTime() + budgetNanos;
        for (int i = 0; i < calls.size(); i++) {
            int caller = i;
            // callers start spread over one pace, as independent pollers would
            long firstDue = System.nanoTime() + (paceNanos == 0 ? 0 : paceNanos * caller / calls.size());
            Thread thread = new Thread(
                    () -> {
                        // at most 16 MB of latencies over all callers, whatever the budget
                        long[] mine = new long[Math.min(perCaller, 2_000_000 / calls.size())];
                        int[] n = {0};
                        try {
                            measure(calls.get(caller), mine, n, deadline, firstDue, paceNanos);
                        } catch (RuntimeException | Error e) {
                            System.err.println("bench client " + caller + " stopped: " + e);
                        } finally {
                            latencies[caller] =
                                    Arrays.copyOf(mine, n[0]); // a stopped client still reports what it measured
                            done.countDown();
                        }
                    },
                    "bench-client-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        return latencies;
    }

    private static void measure(Call call, long[] latencies, int[] n, long deadline, long due, long paceNanos) {
        while (n[0] < latencies.length && System.nanoTime() < deadline) {
            long t0 = paceNanos == 0 ? System.nanoTime() : due;
            due += paceNanos;
            if (!sleepUntil(t0)) {
                return;
            }
            try {
                call.run();
                latencies[n[0]++] = System.nanoTime() - t0;
            } catch (Exception e) {
                latencies[n[0]++] = -1;
            }
        }
    }

    private static boolean sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
