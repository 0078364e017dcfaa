package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An action Crossplane may take on an external resource (crossplane's xpv1.ManagementAction). */
public enum ManagementAction {
    Observe,
    Create,
    Update,
    Delete,
    LateInitialize,
    @JsonProperty("*")
    All
}
