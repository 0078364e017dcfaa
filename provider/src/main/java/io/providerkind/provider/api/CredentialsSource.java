package io.providerkind.provider.api;

/** Where the kindserver password comes from (a subset of crossplane's xpv1.CredentialsSource). */
public enum CredentialsSource {
    /** A key of a Kubernetes Secret: {@code secretRef}. */
    Secret,
    /** An environment variable of the provider's pod: {@code env.name}. */
    Environment,
    /** A file in the provider's pod: {@code fs.path}. */
    Filesystem
}
