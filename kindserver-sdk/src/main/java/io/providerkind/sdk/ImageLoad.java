package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One image kindserver was asked to load into a cluster's nodes ({@code POST /api/v1/kindserver/{name}/images}), as
 * the cluster's GET reports it.
 *
 * @param image   the reference as it was asked for, e.g. {@code registry.example/app:1.2}
 * @param state   how far the load has come
 * @param message why a load failed, in words for people; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageLoad(String image, ImageLoadState state, String message) {}
