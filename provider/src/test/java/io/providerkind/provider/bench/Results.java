package io.providerkind.provider.bench;

import java.util.ArrayList;
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
        return Report.median(
                byVariant.get(variant).stream().mapToDouble(figure).boxed().toList());
    }
}
