package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Body of {@code POST /api/v1/kindserver/{name}/images}: images present in the Docker host's engine, to be copied
 * into every node of the cluster (what {@code kind load docker-image} does). An image named twice is loaded once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadImagesRequest(List<String> images) {

    /**
     * The most images one request may name: each is a {@code kind load} of its own, run one after another, and a
     * list this long is already minutes of work.
     */
    public static final int MAX_IMAGES = 50;

    public LoadImagesRequest {
        // not List.copyOf: a null entry (JSON null) must reach problem() and be refused with words, not an NPE
        images = images == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(images));
    }

    /**
     * Why kindserver refuses this request (400), in words for people; empty when it is acceptable. kindserver and the
     * SDK both ask this, so that a client learns the same answer without a round trip.
     */
    public Optional<String> problem() {
        if (images.isEmpty()) {
            return Optional.of("images is empty: name at least one image of the Docker host, e.g. {\"images\": "
                    + "[\"registry.example/app:1.2\"]}");
        }
        if (images.size() > MAX_IMAGES) {
            return Optional.of(
                    "images names " + images.size() + " images; at most " + MAX_IMAGES + " may be asked for at once");
        }
        return images.stream()
                .map(ImageReference::problem)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
