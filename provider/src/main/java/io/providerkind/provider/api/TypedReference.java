package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** A reference to an object of a given kind, as crossplane's {@code xpv1.TypedReference}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TypedReference(
        @Required String apiVersion,
        @Required String kind,
        @Required String name,
        String uid) {}
