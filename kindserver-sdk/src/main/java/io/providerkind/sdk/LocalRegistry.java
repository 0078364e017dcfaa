package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The registry kindserver runs on its Docker host for every cluster it makes ({@code --registry}), as
 * {@code GET /api/v1/kindserver} reports it.
 *
 * @param hostAddress    where the Docker host pushes to, e.g. {@code 127.0.0.1:5001} ({@code docker push
 *                       127.0.0.1:5001/app:1})
 * @param clusterAddress where the clusters' nodes reach it on the kind network, e.g. {@code kind-registry:5000};
 *                       pods still name images by {@code hostAddress}, which the nodes map to this address
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalRegistry(String hostAddress, String clusterAddress) {}
