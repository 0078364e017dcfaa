package io.providerkind.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This repository's root folder, which tests read scripts, the kind test double, CRDs and examples from:
 * PROVIDER_KIND_ROOT (the root pom has surefire and failsafe set it), or else the nearest folder at or above the
 * working directory that holds pom.xml and testing/setup.sh (a test run from an IDE).
 */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path locate() {
        Optional<Path> fromMaven = Optional.ofNullable(System.getenv("PROVIDER_KIND_ROOT"))
                .filter(root -> !root.isBlank())
                .map(root -> Path.of(root).toAbsolutePath());
        if (fromMaven.isPresent()) {
            return fromMaven.get();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("testing/setup.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder at or above the working directory holds pom.xml and "
                + "testing/setup.sh: run the tests from the repository, or set PROVIDER_KIND_ROOT to its root");
    }
}
