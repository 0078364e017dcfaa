package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import org.junit.jupiter.api.Test;

/** Which update events are the managed reconciler's own writes, and so start no reconcile. */
class OwnWritesTest {

    private final OwnWrites own = new OwnWrites();
    private final String uid = TestKindClusters.stored("dev").getMetadata().getUid();

    @Test
    void theEventOfAWriteIsOwnOnce() {
        own.writing(uid, "10");
        own.wrote(uid, "10", "11");

        assertTrue(own.isOwn(at("11"), at("10")));
        assertFalse(own.isOwn(at("11"), at("10")), "the same versions again are not a write of ours");
    }

    @Test
    void theEventOfAWriteStillInFlightIsOwn() {
        own.writing(uid, "10");

        assertTrue(own.isOwn(at("11"), at("10")), "the watch was faster than the write's answer");
        own.wrote(uid, "10", "11");
        assertFalse(own.isOwn(at("11"), at("10")), "taken once");
    }

    @Test
    void anEventSpanningSomeoneElsesWriteIsNotOwn() {
        own.writing(uid, "10");
        own.wrote(uid, "10", "12");

        assertFalse(own.isOwn(at("12"), at("11")), "someone wrote 11 between our read and our patch");
    }

    @Test
    void afterAFailedWriteAnEventFromItsVersionIsSomeoneElses() {
        own.writing(uid, "10");
        own.failed(uid, "10");

        assertFalse(own.isOwn(at("11"), at("10")));
    }

    @Test
    void aForgottenResourceHasNoOwnWrites() {
        own.writing(uid, "10");
        own.wrote(uid, "10", "11");
        own.forget(uid);

        assertFalse(own.isOwn(at("11"), at("10")));
    }

    @Test
    void theSameVersionsOfAnotherResourceAreNotOurs() {
        own.writing(uid, "10");
        own.wrote(uid, "10", "11");

        assertFalse(own.isOwn(at("another-uid", "11"), at("another-uid", "10")));
    }

    private KindCluster at(String resourceVersion) {
        return at(uid, resourceVersion);
    }

    private static KindCluster at(String uid, String resourceVersion) {
        KindCluster copy = TestKindClusters.stored("dev");
        copy.getMetadata().setUid(uid);
        copy.getMetadata().setResourceVersion(resourceVersion);
        return copy;
    }
}
