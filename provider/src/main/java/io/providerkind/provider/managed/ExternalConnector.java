package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;

/**
 * Produces an {@link ExternalClient} for a managed resource, typically from its ProviderConfig and
 * credentials (crossplane's {@code managed.ExternalConnecter}). Tracks the ProviderConfig's usage
 * before using it, so that a ProviderConfig is protected even when connecting fails.
 */
@FunctionalInterface
public interface ExternalConnector<M extends Managed> {

    ExternalClient<M> connect(M managed);
}
