package io.providerkind.provider.api;

import io.fabric8.generator.annotation.Required;

/** One key of one Secret, as crossplane's {@code xpv1.SecretKeySelector}. */
public record SecretKeySelector(
        @Required String namespace,
        @Required String name,
        @Required String key) {}
