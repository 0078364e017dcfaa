package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which images a KindCluster asks kindserver for, what its status shows of them, and when it waits. */
class ImagePreloadTest {

    private static final String CONFIG = "kind: Cluster\n";

    @Test
    void theSpecsImagesAreWantedOnceEachInTheirOrderWithoutBlanks() {
        ImagePreload preload = ImagePreload.of(new ForProvider(CONFIG, Arrays.asList("b:1", " a:1 ", "b:1", "", null)));

        assertEquals(List.of("b:1", "a:1"), preload.wanted());
        assertEquals(List.of(), ImagePreload.of(new ForProvider(CONFIG)).wanted());
    }

    @Test
    void imagesKindserverDoesNotListAreAskedForAndTheOthersAreNot() {
        ImagePreload preload = preload("new:1", "pending:1", "loading:1", "loaded:1");
        List<ImageLoad> reported = List.of(
                load("pending:1", ImageLoadState.Pending),
                load("loading:1", ImageLoadState.Loading),
                load("loaded:1", ImageLoadState.Loaded),
                load("unwanted:1", ImageLoadState.Failed));

        assertEquals(List.of("new:1"), preload.toAsk(reported, List.of()));
    }

    @Test
    void aFailureIsAskedAgainOnlyOnceAnEarlierReconcileRecordedIt() {
        ImagePreload preload = preload("app:1");
        List<ImageLoad> failed = List.of(new ImageLoad("app:1", ImageLoadState.Failed, "not on the host"));

        assertEquals(
                List.of(),
                preload.toAsk(failed, List.of(status("app:1", "Loading"))),
                "the reconcile that sees the failure first records it and asks nothing");
        assertEquals(
                List.of(),
                preload.toAsk(failed, List.of()),
                "nor does one that never saw the image before (a restarted provider)");
        assertEquals(
                List.of("app:1"), preload.toAsk(failed, List.of(status("app:1", "Failed"))), "the next one asks again");
    }

    @Test
    void statusShowsWantedImagesKindserverReportsInTheSpecsOrder() {
        ImagePreload preload = preload("b:1", "a:1", "c:1");
        List<ImageLoad> reported = List.of(
                new ImageLoad("a:1", ImageLoadState.Failed, "image a:1 not present on the Docker host"),
                load("b:1", ImageLoadState.Loaded),
                load("old:1", ImageLoadState.Loaded));

        assertEquals(
                List.of(
                        status("b:1", "Loaded"),
                        new ImageStatus("a:1", "Failed", "image a:1 not present on the Docker host")),
                preload.status(reported));
    }

    @Test
    void aLoadIsUnderWayWhileAWantedImageIsPendingOrLoading() {
        ImagePreload preload = preload("app:1");

        assertTrue(preload.underWay(List.of(load("app:1", ImageLoadState.Pending))));
        assertTrue(preload.underWay(List.of(load("app:1", ImageLoadState.Loading))));
        assertFalse(preload.underWay(List.of(load("app:1", ImageLoadState.Loaded))));
        assertFalse(preload.underWay(List.of(load("app:1", ImageLoadState.Failed))));
        assertFalse(preload.underWay(List.of(load("other:1", ImageLoadState.Loading))), "only wanted images count");
        assertTrue(ImagePreload.shownUnderWay(List.of(status("app:1", "Loaded"), status("b:1", "Pending"))));
        assertFalse(ImagePreload.shownUnderWay(List.of(status("app:1", "Loaded"), status("b:1", "Failed"))));
    }

    @Test
    void aFailureIsNewWhenTheStatusBeforeDidNotShowItFailed() {
        ImageStatus failed = new ImageStatus("app:1", "Failed", "gone");

        assertEquals(List.of(failed), ImagePreload.newlyFailed(List.of(), List.of(failed)));
        assertEquals(List.of(failed), ImagePreload.newlyFailed(List.of(status("app:1", "Pending")), List.of(failed)));
        assertEquals(List.of(), ImagePreload.newlyFailed(List.of(failed), List.of(failed)));
        assertEquals(List.of(), ImagePreload.newlyFailed(List.of(failed), List.of(status("app:1", "Pending"))));
    }

    private static ImagePreload preload(String... images) {
        return ImagePreload.of(new ForProvider(CONFIG, List.of(images)));
    }

    private static ImageLoad load(String image, ImageLoadState state) {
        return new ImageLoad(image, state, null);
    }

    private static ImageStatus status(String image, String state) {
        return new ImageStatus(image, state, null);
    }
}
