package io.providerkind.provider.testing;

import io.providerkind.sdk.BadRequestException;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import io.providerkind.sdk.KindServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * kindserver's image loads in memory, for {@link FakeKindServer}: a request queues each image Pending, an image
 * already Loaded is not loaded again, and the test moves loads along (Loading, Loaded, Failed with kindserver's
 * message) as kindserver's worker would. Records every request, so tests can say "exactly these images, once".
 * Forgets everything on {@link #restart()}, as kindserver keeps loads in memory only.
 */
public final class FakeImageLoads {

    private final Map<String, List<ImageLoad>> loads = new ConcurrentHashMap<>();
    private volatile KindServerException refusal;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Every accepted request, as "cluster: image, image". */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    /** What kindserver answers for the cluster's images, in the order they were first asked. */
    public List<ImageLoad> of(String cluster) {
        return List.copyOf(loads.getOrDefault(cluster, List.of()));
    }

    /** The requests for one cluster, each as the list of images it asked for. */
    public List<List<String>> requestsFor(String cluster) {
        String prefix = cluster + ": ";
        return requests.stream()
                .filter(r -> r.startsWith(prefix))
                .map(r -> List.of(r.substring(prefix.length()).split(", ")))
                .toList();
    }

    /** A request as kindserver validates and queues it; the cluster is known and Ready (the caller checked). */
    void request(String cluster, List<String> images) {
        KindServerException refused = refusal;
        if (refused != null) {
            throw refused;
        }
        if (images.isEmpty()) {
            throw new BadRequestException(400, "images must name at least one image");
        }
        images.stream()
                .filter(image -> image.isBlank() || image.chars().anyMatch(Character::isWhitespace))
                .findFirst()
                .ifPresent(bad -> {
                    throw new BadRequestException(400, "\"" + bad + "\" is not an image reference");
                });
        requests.add(cluster + ": " + String.join(", ", images));
        for (String image : images) {
            ImageLoadState state = state(cluster, image);
            if (state != ImageLoadState.Loaded) {
                put(cluster, new ImageLoad(image, ImageLoadState.Pending, null));
            }
        }
    }

    /** Runs {@code listener} after every change of any cluster's loads, as kindserver's ETag changes with them. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Every request is answered with this error until {@link #accept()}, as a kindserver that refuses them. */
    public void refuseWith(KindServerException e) {
        refusal = e;
    }

    public void accept() {
        refusal = null;
    }

    public void loading(String cluster, String image) {
        put(cluster, new ImageLoad(image, ImageLoadState.Loading, null));
    }

    public void loaded(String cluster, String image) {
        put(cluster, new ImageLoad(image, ImageLoadState.Loaded, null));
    }

    public void failed(String cluster, String image, String message) {
        put(cluster, new ImageLoad(image, ImageLoadState.Failed, message));
    }

    /** kindserver restarted: it reports no image of any cluster. */
    public void restart() {
        loads.clear();
    }

    public ImageLoadState state(String cluster, String image) {
        return of(cluster).stream()
                .filter(load -> load.image().equals(image))
                .map(ImageLoad::state)
                .findFirst()
                .orElse(null);
    }

    private void put(String cluster, ImageLoad load) {
        loads.compute(cluster, (name, current) -> {
            List<ImageLoad> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(existing -> existing.image().equals(load.image()));
            int at = indexOf(current, load.image());
            next.add(at < 0 ? next.size() : at, load);
            return List.copyOf(next);
        });
        listeners.forEach(Runnable::run);
    }

    private static int indexOf(List<ImageLoad> current, String image) {
        if (current == null) {
            return -1;
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).image().equals(image)) {
                return i;
            }
        }
        return -1;
    }
}
