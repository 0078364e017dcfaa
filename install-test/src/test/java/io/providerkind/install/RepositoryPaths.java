package io.providerkind.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the things a user installs live: this repository's root (Maven passes it as PROVIDER_KIND_ROOT;
 * otherwise the nearest folder upwards that holds package/crossplane.yaml) and the shared folder beside it
 * with the real Crossplane and provider CRDs.
 */
public record RepositoryPaths(Path root) {

    public static RepositoryPaths locate() {
        Path start = Optional.ofNullable(System.getenv("PROVIDER_KIND_ROOT"))
                .map(Path::of)
                .orElse(Path.of("").toAbsolutePath());
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package/crossplane.yaml"))) {
                return new RepositoryPaths(dir);
            }
        }
        throw new IllegalStateException("no package/crossplane.yaml in " + start + " or above: run from the repository");
    }

    public Path examples() {
        return root.resolve("examples");
    }

    public Path packageRoot() {
        return root.resolve("package");
    }

    public Path packageCrds() {
        return packageRoot().resolve("crds");
    }

    public Path xpkgBuildScript() {
        return packageRoot().resolve("build-xpkg.sh");
    }

    public Path kindserverJar() {
        return root.resolve("kindserver/target/kindserver.jar");
    }

    public Path providerJar() {
        return root.resolve("provider/target/provider.jar");
    }

    public Path kindDouble() {
        return root.resolve("testing/kind-double/kind");
    }

    /** The real Crossplane, provider-helm, provider-kubernetes and function CRDs (SHARED_DIR or ../shared). */
    public Path crossplaneCrds() {
        Path shared = Optional.ofNullable(System.getenv("SHARED_DIR")).map(Path::of)
                .orElse(root.resolve("../shared"));
        Path crds = shared.resolve("crossplane-crds").normalize();
        if (!Files.isDirectory(crds)) {
            throw new IllegalStateException(crds + " is missing: the examples are checked against the real Crossplane "
                    + "CRDs there (set SHARED_DIR to the folder that holds crossplane-crds/)");
        }
        return crds;
    }
}
