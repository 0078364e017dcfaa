package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/**
 * Where drift alerts go besides Events, conditions and metrics.
 *
 * @param webhookURL receives one JSON POST per distinct drift of a cluster
 */
public record Alerts(
        @Pattern("^https?://.+")
        @JsonPropertyDescription("Receives one JSON POST per distinct drift of a kind cluster.")
        String webhookURL) {}
