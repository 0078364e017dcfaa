package io.providerkind.install.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The manifests of one examples folder, found by group and kind. */
record ExampleFolder(Path dir, List<Manifest> manifests) {

    static ExampleFolder load(Path dir) {
        return new ExampleFolder(dir, Manifests.loadAll(dir));
    }

    List<Manifest> all(String group, String kind) {
        return manifests.stream().filter(m -> m.is(group, kind)).toList();
    }

    Manifest one(String group, String kind) {
        List<Manifest> found = all(group, kind);
        if (found.size() != 1) {
            throw new AssertionError(
                    dir + " should hold exactly one " + kind + " (" + group + "), found " + found.size());
        }
        return found.get(0);
    }

    Optional<Manifest> named(String group, String kind, String name) {
        return all(group, kind).stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The composite resource of the folder that the composition renders for. */
    Manifest compositeOf(Manifest composition) {
        var type = composition.body().path("spec").path("compositeTypeRef");
        return manifests.stream()
                .filter(m -> m.apiVersion().equals(type.path("apiVersion").asText())
                        && m.kind().equals(type.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        dir + " has no " + type.path("kind").asText() + " for " + composition.name()));
    }
}
