package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * One observed condition of a resource, shaped as crossplane-runtime's {@code xpv1.Condition} so that
 * Crossplane, compositions and {@code kubectl wait --for=condition=Ready} read it as their own.
 *
 * @param type               Ready, Synced or a resource-specific type; at most one of each per resource
 * @param status             True, False or Unknown
 * @param lastTransitionTime RFC 3339 time of the last change of status, reason or message
 * @param reason             a CamelCase word that says why
 * @param message            details for people, if any
 * @param observedGeneration the metadata.generation this condition was computed from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @Required String type,
        @Required String status,
        @Required String lastTransitionTime,
        @Required String reason,
        String message,
        Long observedGeneration) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    /**
     * True when this condition says the same as the other one: everything but the transition time.
     * Setting a condition that is the same must not move lastTransitionTime, or every poll would
     * write status.
     */
    public boolean sameAs(Condition other) {
        return other != null
                && Objects.equals(type, other.type)
                && Objects.equals(status, other.status)
                && Objects.equals(reason, other.reason)
                && Objects.equals(message, other.message)
                && Objects.equals(observedGeneration, other.observedGeneration);
    }

    @JsonIgnore
    public boolean isTrue() {
        return TRUE.equals(status);
    }

    public Condition withMessage(String newMessage) {
        return new Condition(type, status, lastTransitionTime, reason, newMessage, observedGeneration);
    }

    public Condition withObservedGeneration(Long generation) {
        return new Condition(type, status, lastTransitionTime, reason, message, generation);
    }

    public Condition withLastTransitionTime(String time) {
        return new Condition(type, status, time, reason, message, observedGeneration);
    }
}
