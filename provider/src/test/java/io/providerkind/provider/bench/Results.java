package io.providerkind.provider.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The starts of every variant, in the order of {@link Variant#of}. */
final class Results {

    private final List<List<StartRun>> byVariant = new ArrayList<>();

    Results(int variants) {
        for (int i = 0; i < variants; i++) {
            byVariant.add(new ArrayList<>());
        }
    }

    void add(int variant, StartRun run) {
        byVariant.get(variant).add(run);
    }

    /** The median of one figure over the starts of one variant. */
    double median(int variant, ToDoubleFunction<StartRun> figure) {
        return Report.median(values(variant, figure));
    }

    /** The lowest and highest of one figure over the starts of one variant. */
    double[] range(int variant, ToDoubleFunction<StartRun> figure) {
        List<Double> values = values(variant, figure);
        return new double[] {Collections.min(values), Collections.max(values)};
    }

    /**
     * The median, over rounds, of the image's figure divided by {@code variant}'s in the same round. Variants take
     * turns within a round, seconds apart, so a round's ratio shares the machine's drift that medians taken apart
     * (minutes apart) do not.
     */
    double pairedRatio(int variant, ToDoubleFunction<StartRun> figure) {
        List<Double> image = values(0, figure);
        List<Double> other = values(variant, figure);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(image.size(), other.size()); round++) {
            ratios.add(image.get(round) / other.get(round));
        }
        return Report.median(ratios);
    }

    private List<Double> values(int variant, ToDoubleFunction<StartRun> figure) {
        return byVariant.get(variant).stream().mapToDouble(figure).boxed().toList();
    }
}
