package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Observed state of a ProviderConfig: how many managed resources use it, and crossplane's conditions. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProviderConfigStatus(List<Condition> conditions, Long users) {

    public ProviderConfigStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
