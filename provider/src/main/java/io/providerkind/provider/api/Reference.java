package io.providerkind.provider.api;

import io.fabric8.generator.annotation.Required;

/** A reference to a cluster-scoped object by name, as crossplane's {@code xpv1.Reference}. */
public record Reference(@Required String name) {}
