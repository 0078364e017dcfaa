package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A KindCluster's {@code spec.forProvider.preloadImages} held against what kindserver reports of the cluster's image
 * loads: what status shows, which images to ask kindserver for, and whether a load is under way.
 *
 * <p>An image is asked for when kindserver does not list it (never asked, or asked of a kindserver that restarted
 * since: it keeps loads in memory), or when it failed and the status of an earlier reconcile recorded that failure
 * already. So a failure is asked again at the reconcile after the one that saw it fail, which is the next poll,
 * never in a loop of reconciles that each see a fresh failure and ask again.
 *
 * @param wanted the images of the spec, each once, in the spec's order
 */
public record ImagePreload(List<String> wanted) {

    /** The loads under way, whose end kindserver's answer will show. */
    private static final Set<ImageLoadState> UNDER_WAY = Set.of(ImageLoadState.Pending, ImageLoadState.Loading);

    public ImagePreload {
        wanted = List.copyOf(wanted);
    }

    /** The images of the spec; blank entries are no references and are left out, repeats are asked once. */
    public static ImagePreload of(ForProvider forProvider) {
        if (forProvider == null || forProvider.preloadImages() == null) {
            return new ImagePreload(List.of());
        }
        Set<String> images = new LinkedHashSet<>();
        forProvider.preloadImages().stream()
                .filter(image -> image != null && !image.isBlank())
                .map(String::strip)
                .forEach(images::add);
        return new ImagePreload(List.copyOf(images));
    }

    /** The wanted images kindserver reports, in the spec's order, as status shows them. */
    public List<ImageStatus> status(List<ImageLoad> reported) {
        Map<String, ImageLoad> loads = byImage(reported);
        return wanted.stream()
                .map(loads::get)
                .filter(load -> load != null)
                .map(load -> new ImageStatus(
                        load.image(), load.state() == null ? null : load.state().name(), load.message()))
                .toList();
    }

    /**
     * The wanted images to ask kindserver for: those it does not list, and those it reports Failed that
     * {@code recorded} (the status before this reconcile) shows Failed too.
     */
    public List<String> toAsk(List<ImageLoad> reported, List<ImageStatus> recorded) {
        Map<String, ImageLoad> loads = byImage(reported);
        Set<String> failedBefore = recorded.stream()
                .filter(s -> ImageLoadState.Failed.name().equals(s.state()))
                .map(ImageStatus::image)
                .collect(Collectors.toSet());
        return wanted.stream()
                .filter(image -> Optional.ofNullable(loads.get(image))
                        .map(load -> load.state() == null
                                || (load.state() == ImageLoadState.Failed && failedBefore.contains(image)))
                        .orElse(true))
                .toList();
    }

    /** Whether kindserver is loading a wanted image, or has one waiting its turn. */
    public boolean underWay(List<ImageLoad> reported) {
        Map<String, ImageLoad> loads = byImage(reported);
        return wanted.stream().map(loads::get).anyMatch(load -> load != null && UNDER_WAY.contains(load.state()));
    }

    /** Whether status shows a wanted image still to be loaded by kindserver: the KindCluster is busy. */
    public static boolean shownUnderWay(List<ImageStatus> recorded) {
        return recorded.stream()
                .anyMatch(s -> UNDER_WAY.stream().anyMatch(state -> state.name().equals(s.state())));
    }

    /** The images that {@code after} shows Failed and {@code before} did not: the failures to tell people about. */
    public static List<ImageStatus> newlyFailed(List<ImageStatus> before, List<ImageStatus> after) {
        Map<String, ImageStatus> previous =
                before.stream().collect(Collectors.toMap(ImageStatus::image, Function.identity(), (a, b) -> a));
        return after.stream()
                .filter(s -> ImageLoadState.Failed.name().equals(s.state()))
                .filter(s -> Optional.ofNullable(previous.get(s.image()))
                        .map(p -> !ImageLoadState.Failed.name().equals(p.state()))
                        .orElse(true))
                .toList();
    }

    private static Map<String, ImageLoad> byImage(List<ImageLoad> reported) {
        // kindserver lists each image once; should it not, its latest word counts
        return reported.stream()
                .filter(load -> load.image() != null)
                .collect(Collectors.toMap(ImageLoad::image, Function.identity(), (first, later) -> later));
    }
}
