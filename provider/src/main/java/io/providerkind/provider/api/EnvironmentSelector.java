package io.providerkind.provider.api;

import io.fabric8.generator.annotation.Required;

/** An environment variable holding credentials, as crossplane's {@code xpv1.EnvSelector}. */
public record EnvironmentSelector(@Required String name) {}
