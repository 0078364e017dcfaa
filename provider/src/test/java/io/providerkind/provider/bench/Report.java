package io.providerkind.provider.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Prints each figure of the image's launch beside its references: medians over the rounds with the image's range,
 * and two ratios, that of the medians and the median of the rounds' own ratios (the steadier of the two on a
 * machine whose speed drifts within a run).
 */
record Report(List<Variant> variants, List<Double> floorMillis) {

    /** Process start to first reconcile, against {@code java -version} and every reference launch. */
    void firstReconcile(int clusters, Results results) {
        System.out.printf("%nstart -> first reconcile, %d KindCluster(s):%n", clusters);
        double image = results.median(0, StartRun::firstReconcileMillis);
        image(results, StartRun::firstReconcileMillis, "ms");
        double floor = median(floorMillis);
        System.out.printf(
                "  %-44s %8.1f ms   image/floor %.2f%n", "floor: java -version, same flags", floor, image / floor);
        references(results, StartRun::firstReconcileMillis, "ms");
        System.out.printf("%nCPU used from start to first reconcile, %d KindCluster(s):%n", clusters);
        image(results, StartRun::firstReconcileCpu, "ms");
        references(results, StartRun::firstReconcileCpu, "ms");
    }

    /** The fleet: start to all reconciled, and memory then. */
    void fleet(int clusters, long steadySeconds, Results results) {
        System.out.printf("%nstart -> all %d KindClusters reconciled once:%n", clusters);
        image(results, StartRun::allReconciledMillis, "ms");
        references(results, StartRun::allReconciledMillis, "ms");
        if (steadySeconds > 0) { // no window, no reconciles to divide by
            System.out.printf(
                    "%nCPU per reconcile in the %d s after all %d were reconciled:%n", steadySeconds, clusters);
            image(results, StartRun::cpuMillisPerReconcile, "ms");
            references(results, StartRun::cpuMillisPerReconcile, "ms");
        }
        System.out.printf("%nresident memory (VmRSS) %d s after all %d were reconciled:%n", steadySeconds, clusters);
        image(results, StartRun::rssMiB, "MiB");
        references(results, StartRun::rssMiB, "MiB");
        System.out.printf("%npeak resident memory from start until then:%n");
        image(results, StartRun::peakRssMiB, "MiB");
        references(results, StartRun::peakRssMiB, "MiB");
    }

    private void references(Results results, ToDoubleFunction<StartRun> figure, String unit) {
        double image = results.median(0, figure);
        for (int v = 1; v < variants.size(); v++) {
            double reference = results.median(v, figure);
            System.out.printf(
                    "  %-44s %8.1f %-4s image/reference %.2f, by round %.2f%n",
                    "reference: " + variants.get(v).description(),
                    reference,
                    unit,
                    image / reference,
                    results.pairedRatio(v, figure));
        }
    }

    private static void image(Results results, ToDoubleFunction<StartRun> figure, String unit) {
        double[] range = results.range(0, figure);
        System.out.printf(
                "  %-44s %8.1f %-4s (%.1f to %.1f)%n", "image", results.median(0, figure), unit, range[0], range[1]);
    }

    private static void line(String name, double value, String unit) {
        System.out.printf("  %-44s %8.1f %s%n", name, value, unit);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
