package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.kindserver.testing.InMemoryClusterService;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound on waiting GETs, and what a deleted cluster leaves behind. */
class ChangeWaitsTest {

    private final InMemoryClusterService clusters = new InMemoryClusterService();
    private final ObjectMapper json = KindServerJson.newObjectMapper();
    private final ClusterAnswers answers = new ClusterAnswers(json);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChangeWaits waits = new ChangeWaits(clusters, answers, meters, 2);

    @AfterEach
    void close() {
        waits.close();
    }

    @Test
    void waitsBeyondTheBoundAreRefusedAndCounted() {
        clusters.subscribe(waits);
        clusters.with(cluster("push-a"), "c");
        String etag = answers.answer(cluster("push-a")).etag();

        assertTrue(waits.hold("push-a", etag, Duration.ofSeconds(20)).isPresent());
        assertTrue(waits.hold("push-a", etag, Duration.ofSeconds(20)).isPresent());
        assertTrue(waits.hold("push-a", etag, Duration.ofSeconds(20)).isEmpty());

        assertEquals(
                1.0,
                meters.counter("kindserver.cluster.waits.ended", "outcome", "refused")
                        .count());
        assertEquals(2.0, meters.get("kindserver.cluster.waits").gauge().value());
    }

    @Test
    void aWaitThatEndsMakesRoomForAnother() throws Exception {
        clusters.subscribe(waits);
        clusters.with(cluster("push-a"), "c");
        String etag = answers.answer(cluster("push-a")).etag();
        CompletableFuture<ChangeWaits.Outcome> first =
                waits.hold("push-a", etag, Duration.ofMillis(100)).orElseThrow();
        waits.hold("push-a", etag, Duration.ofSeconds(20)).orElseThrow();

        assertInstanceOf(ChangeWaits.Outcome.TimedOut.class, first.get(10, TimeUnit.SECONDS));

        assertTrue(waits.hold("push-a", etag, Duration.ofSeconds(20)).isPresent());
    }

    @Test
    void theAnswerOfADeletedClusterIsForgottenWithoutAnotherGet() {
        clusters.subscribe(waits);
        clusters.with(cluster("push-a"), "c");
        answers.answer(cluster("push-a"));

        clusters.forget("push-a");

        io.providerkind.testsupport.wait.Waits.await("the deleted cluster's answer to be dropped")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !answers.names().contains("push-a"));
    }

    private static ClusterInfo cluster(String name) {
        return new ClusterInfo(
                name,
                ClusterPhase.Ready,
                null,
                "https://127.0.0.1:36443",
                "kubeconfig",
                "internal",
                "v1.31.0",
                "127.0.0.5",
                List.of(),
                "abc123",
                null,
                Instant.parse("2025-03-31T10:15:30Z"));
    }
}
