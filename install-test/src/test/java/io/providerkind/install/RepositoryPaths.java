package io.providerkind.install;

import io.providerkind.testsupport.RepositoryRoot;
import java.nio.file.Path;

/**
 * Where the things a user installs live: this repository's root ({@link RepositoryRoot}) and the folders in
 * it that the checks read.
 */
public record RepositoryPaths(Path root) {

    public static RepositoryPaths locate() {
        return new RepositoryPaths(RepositoryRoot.locate());
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

    /** The EDFBuilder compositions' Job scripts, the single source of the copies the compositions carry. */
    public Path edfbuilderScripts() {
        return examples().resolve("edfbuilder-scripts");
    }

    /** cert-manager's Certificate and ClusterIssuer CRDs, vendored with their source noted. */
    public Path certManagerCrds() {
        return root.resolve("third_party/cert-manager-crds");
    }

    /** The excerpt of Forgejo's API description the scripts are checked against, vendored with its source noted. */
    public Path forgejoApi() {
        return root.resolve("third_party/forgejo-api/v1_json.excerpt.json");
    }

    /** The real Crossplane, provider-helm, provider-kubernetes and function CRDs, vendored with their sources noted. */
    public Path crossplaneCrds() {
        return root.resolve("third_party/crossplane-crds");
    }
}
