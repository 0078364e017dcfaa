package io.providerkind.provider.api;

import io.fabric8.generator.annotation.Required;

/** A Secret by namespace and name, as crossplane's {@code xpv1.SecretReference}. */
public record SecretReference(
        @Required String name, @Required String namespace) {}
