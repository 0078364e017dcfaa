package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * crossplane's {@code crossplane.io/reconcile-requested-at}: a new token is answered once, with a Normal
 * ReconcileRequestHandled Event and the token in status.lastHandledReconcileAt, whichever way the reconcile ends;
 * a paused resource handles none.
 */
class ManagedReconcilerReconcileRequestTest {

    private static final String HANDLED = "Normal ReconcileRequestHandled: Handling reconcile request";

    /** A resource created and observed up to date once; Events so far forgotten. */
    private static ReconcilerHarness reconciled() {
        ReconcilerHarness h = new ReconcilerHarness(TestKindClusters.stored("dev"));
        h.reconcile();
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
        h.reconcile();
        h.events.events.clear();
        return h;
    }

    /** The user (or a tool such as crossplane beta trace) asks for a reconcile. */
    private static void request(ReconcilerHarness h, String token) {
        annotate(h, Annotations.RECONCILE_REQUESTED_AT, token);
    }

    private static void annotate(ReconcilerHarness h, String key, String value) {
        KindCluster current = h.store.read();
        Map<String, String> annotations = new HashMap<>(current.getMetadata().getAnnotations());
        annotations.put(key, value);
        current.getMetadata().setAnnotations(annotations);
        h.store.update(current);
    }

    @Test
    void newRequestIsRecordedInStatusWithOneEvent() {
        ReconcilerHarness h = reconciled();
        request(h, "2025-03-31T10:05:00Z");

        h.reconcile();

        assertEquals("2025-03-31T10:05:00Z", h.stored().lastHandledReconcileAt());
        assertEquals(List.of(HANDLED), h.events.events);
    }

    @Test
    void handledRequestIsNotHandledAgainAndCostsNoWrite() {
        ReconcilerHarness h = reconciled();
        request(h, "first");
        h.reconcile();
        h.events.events.clear();
        h.store.writes.clear();

        h.reconcile();

        assertEquals(List.of(), h.events.events);
        assertEquals(List.of(), h.store.writes);
        assertEquals("first", h.stored().lastHandledReconcileAt());
    }

    @Test
    void eachNewTokenIsAnsweredInTurn() {
        ReconcilerHarness h = reconciled();
        request(h, "first");
        h.reconcile();
        request(h, "second");

        h.reconcile();

        assertEquals("second", h.stored().lastHandledReconcileAt());
        assertEquals(List.of(HANDLED, HANDLED), h.events.events);
    }

    @Test
    void requestOnAFailingReconcileIsRecordedWithTheError() {
        ReconcilerHarness h = reconciled();
        h.external.observeFailure = new IllegalStateException("kindserver unreachable");
        request(h, "while-failing");

        h.reconcile();

        assertEquals("while-failing", h.stored().lastHandledReconcileAt());
        assertEquals("False", h.condition(Conditions.SYNCED).status());
        assertEquals(HANDLED, h.events.events.get(0));
    }

    @Test
    void requestSurvivesTheMetadataWritesOfTheFirstReconcile() {
        KindCluster cluster = TestKindClusters.stored("dev");
        cluster.getMetadata().setAnnotations(new HashMap<>(Map.of(Annotations.RECONCILE_REQUESTED_AT, "at-create")));
        ReconcilerHarness h = new ReconcilerHarness(cluster);

        h.reconcile();

        assertEquals(1, h.external.creates);
        assertEquals("at-create", h.stored().lastHandledReconcileAt());
    }

    @Test
    void pausedResourceHandlesNoRequest() {
        ReconcilerHarness h = reconciled();
        annotate(h, Annotations.PAUSED, "true");
        request(h, "while-paused");

        h.reconcile();

        assertNull(h.stored().lastHandledReconcileAt());
        assertEquals(List.of("Normal ReconciliationPaused"), h.events.reasons());
    }

    @Test
    void emptyTokenIsNoRequest() {
        ReconcilerHarness h = reconciled();
        request(h, "");

        h.reconcile();

        assertNull(h.stored().lastHandledReconcileAt());
        assertEquals(List.of(), h.events.events);
    }
}
