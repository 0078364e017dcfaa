package io.providerkind.kindserver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The open-loop latency of kindserver beside nginx's, in rounds: each round runs {@link OpenLoop} against both,
 * one after the other, and which goes first alternates. A tail percentile of one 10 s run moves by several times
 * with whatever else the 2-core machine does meanwhile (nginx's own p99 read 1.8 to 21 ms in three runs of a day);
 * a ratio taken within a round, seconds apart, shares most of that drift, and the median of the rounds' ratios
 * is what the benchmark reports.
 *
 * @param loop   one run's schedule
 * @param rounds how many rounds
 */
record PacedRounds(OpenLoop loop, int rounds) {

    /**
     * One round: both servers' results, which of them ran first, and what kindserver's JVM spent compiling and
     * collecting during its run (a round in which it still compiles measures the JIT, not the steady state).
     */
    record Round(OpenLoop.Result kindserver, OpenLoop.Result nginx, boolean nginxFirst, AttachedJvm.Activity jvm) {}

    /** Every round, in order. */
    record Result(List<Round> rounds) {

        /** The median over rounds of {@code figure} of kindserver's result divided by the same of nginx's. */
        double medianRatio(ToDoubleFunction<OpenLoop.Result> figure) {
            return median(rounds.stream()
                    .mapToDouble(r -> figure.applyAsDouble(r.kindserver()) / figure.applyAsDouble(r.nginx()))
                    .toArray());
        }

        /** The median over rounds of {@code figure} of one server's results. */
        double median(ToDoubleFunction<Round> figure) {
            return median(rounds.stream().mapToDouble(figure).toArray());
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    PacedRounds {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
    }

    Result run(Connections kindserver, Connections nginx, AttachedJvm kindserverJvm) throws InterruptedException {
        List<Round> done = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            boolean nginxFirst = i % 2 == 0;
            OpenLoop.Result nginxResult = nginxFirst ? loop.run(nginx) : null;
            AttachedJvm.Activity before = kindserverJvm.activity();
            OpenLoop.Result kindserverResult = loop.run(kindserver);
            AttachedJvm.Activity spent = kindserverJvm.activity().minus(before);
            if (!nginxFirst) {
                nginxResult = loop.run(nginx);
            }
            done.add(new Round(kindserverResult, nginxResult, nginxFirst, spent));
        }
        return new Result(List.copyOf(done));
    }
}
