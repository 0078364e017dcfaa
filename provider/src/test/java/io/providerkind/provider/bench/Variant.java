package io.providerkind.provider.bench;

import java.util.List;
import java.util.Optional;

/**
 * A way of starting the provider that the bench times: the image's own launch first, then the references it is
 * compared with.
 *
 * @param name        a short name, for its log files
 * @param description how the report names it
 * @param launch      the JVM flags and options it starts with
 */
record Variant(String name, String description, ImageLaunch launch) {

    /**
     * The image's launch, then the reference measured beside it: {@code before}, another build's jar and Dockerfile
     * (a change's own reference: the same bench, its parent commit), or without one the same launch with the JIT
     * compilers as the JVM sets them by default (C1 and C2, as the image ran before issue 12).
     */
    static List<Variant> of(ImageLaunch image, Optional<ImageLaunch> before) {
        if (before.isPresent()) {
            return List.of(
                    new Variant("image", "image", image),
                    new Variant("before", "before: the reference build", before.get()));
        }
        return List.of(
                new Variant("image", "image", image),
                new Variant(
                        "full-jit",
                        "full JIT (C1 and C2, as before)",
                        // the JVM's own JIT settings: the image's C1-only ones removed, not overridden (one compiler
                        // thread is refused beside C2)
                        image.withoutToolOptions("-XX:TieredStopAtLevel=", "-XX:CICompilerCount=")));
    }

    @Override
    public String toString() {
        return description;
    }
}
