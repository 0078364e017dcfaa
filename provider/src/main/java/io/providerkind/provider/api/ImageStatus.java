package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One image of {@code spec.forProvider.preloadImages} as kindserver reports its load.
 *
 * @param image   the reference, as the spec names it
 * @param state   Pending, Loading, Loaded or Failed: kindserver's word, never the provider's guess
 * @param message why the load failed, in kindserver's words; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageStatus(
        @JsonPropertyDescription("The image reference, as spec.forProvider.preloadImages names it.")
        String image,

        @JsonPropertyDescription("Pending (asked, waiting its turn), Loading, Loaded (in every node) or Failed,"
                + " as kindserver reports it.")
        String state,

        @JsonPropertyDescription("Why the load failed, in kindserver's words (e.g. the image is not in the Docker"
                + " engine of kindserver's host).")
        String message) {}
