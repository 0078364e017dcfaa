package io.providerkind.provider.api.m;

import io.fabric8.generator.annotation.Required;

/** A Secret in the referring object's own namespace, as crossplane-runtime v2's {@code xpv1.LocalSecretReference}. */
public record LocalSecretReference(@Required String name) {}
