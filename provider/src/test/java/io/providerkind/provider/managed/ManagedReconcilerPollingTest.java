package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * When an up-to-date resource is looked at again: crossplane's poll jitter (a random move of up to the jitter either
 * way) and its {@code crossplane.io/poll-interval} annotation, which overrides the poll for one resource.
 */
class ManagedReconcilerPollingTest {

    private static final Duration JITTER = Duration.ofSeconds(6);

    /** A resource whose external resource exists and is up to date: every reconcile ends in a poll. */
    private static ReconcilerHarness upToDate(Map<String, String> annotations) {
        KindCluster cluster = TestKindClusters.stored("dev");
        cluster.getMetadata().setAnnotations(new HashMap<>(annotations));
        ReconcilerHarness h = new ReconcilerHarness(cluster);
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
        return h;
    }

    private static Duration nextPoll(ReconcilerHarness h) {
        return assertInstanceOf(Outcome.PollAfter.class, h.reconcile()).after();
    }

    /** A random source that always draws the same value in [0, 1). */
    private static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void jitterMovesThePollByUpToTheJitterEitherWay() {
        ReconcilerHarness lowest = upToDate(Map.of()).jittering(JITTER, drawing(0.0));
        ReconcilerHarness middle = upToDate(Map.of()).jittering(JITTER, drawing(0.5));
        ReconcilerHarness highest = upToDate(Map.of()).jittering(JITTER, drawing(Math.nextDown(1.0)));

        assertEquals(ReconcilerHarness.POLL.minus(JITTER), nextPoll(lowest));
        assertEquals(ReconcilerHarness.POLL, nextPoll(middle));
        Duration high = nextPoll(highest);
        assertTrue(
                high.compareTo(ReconcilerHarness.POLL.plus(JITTER)) <= 0
                        && high.compareTo(ReconcilerHarness.POLL.plus(JITTER).minusMillis(1)) > 0,
                "the largest draw lands just under poll + jitter, got " + high);
    }

    @Test
    void jitteredPollsStayWithinTheBoundsAndDiffer() {
        ReconcilerHarness h = upToDate(Map.of()).jittering(JITTER, RandomGenerator.of("L64X128MixRandom"));
        Set<Duration> seen = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            Duration poll = nextPoll(h);
            assertTrue(
                    poll.compareTo(ReconcilerHarness.POLL.minus(JITTER)) >= 0
                            && poll.compareTo(ReconcilerHarness.POLL.plus(JITTER)) <= 0,
                    "poll " + poll + " outside 1m ± 6s");
            seen.add(poll);
        }

        assertTrue(seen.size() > 100, "polls of resources made together spread out, got " + seen.size() + " values");
    }

    @Test
    void withoutJitterEveryPollIsThePollInterval() {
        ReconcilerHarness h = upToDate(Map.of());

        assertEquals(ReconcilerHarness.POLL, nextPoll(h));
        assertEquals(ReconcilerHarness.POLL, nextPoll(h));
    }

    @Test
    void busyPollOfTheHookIsNotJittered() {
        Duration busy = Duration.ofMillis(500);
        ReconcilerHarness h = upToDate(Map.of())
                .polling(ReconcilerHarness.POLL, (m, poll) -> busy.compareTo(poll) < 0 ? busy : poll)
                .jittering(JITTER, drawing(0.0));

        assertEquals(busy, nextPoll(h));
    }

    @Test
    void pollIntervalAnnotationOverridesThePollOfThatResource() {
        ReconcilerHarness h = upToDate(Map.of(Annotations.POLL_INTERVAL, "10m"));

        assertEquals(Duration.ofMinutes(10), nextPoll(h));
    }

    @Test
    void pollIntervalAnnotationTakesGoDurations() {
        assertEquals(Duration.ofMinutes(90), nextPoll(upToDate(Map.of(Annotations.POLL_INTERVAL, "1h30m"))));
        assertEquals(Duration.ofMillis(1500), nextPoll(upToDate(Map.of(Annotations.POLL_INTERVAL, "1.5s"))));
    }

    @Test
    void unreadableZeroOrEmptyPollIntervalAnnotationIsIgnored() {
        for (String value : new String[] {"soon", "0s", "", "-1m", "10"}) {
            assertEquals(
                    ReconcilerHarness.POLL,
                    nextPoll(upToDate(Map.of(Annotations.POLL_INTERVAL, value))),
                    "annotation \"" + value + "\"");
        }
    }

    @Test
    void annotatedPollIsJitteredToo() {
        ReconcilerHarness h = upToDate(Map.of(Annotations.POLL_INTERVAL, "10m")).jittering(JITTER, drawing(0.0));

        assertEquals(Duration.ofMinutes(10).minus(JITTER), nextPoll(h));
    }

    @Test
    void jitterLargerThanHalfAShortAnnotatedPollIsCutToHalfOfIt() {
        ReconcilerHarness h = upToDate(Map.of(Annotations.POLL_INTERVAL, "4s")).jittering(JITTER, drawing(0.0));

        assertEquals(Duration.ofSeconds(2), nextPoll(h), "never zero or negative: that would be a busy loop");
    }

    @Test
    void failureBacksOffNoLongerThanTheAnnotatedPoll() {
        ReconcilerHarness h = upToDate(Map.of(Annotations.POLL_INTERVAL, "5m"));
        h.external.observeFailure = new IllegalStateException("kindserver unreachable");

        Outcome outcome = h.reconcile();

        assertEquals(
                Duration.ofMinutes(5),
                assertInstanceOf(Outcome.RetryWithBackoff.class, outcome).atMost());
    }

    @Test
    void aCreateIsLookedAtAgainAtThePollOfAResourceInCreation() {
        Duration busy = Duration.ofMillis(500);
        ReconcilerHarness h = new ReconcilerHarness(TestKindClusters.stored("dev"))
                .polling(
                        ReconcilerHarness.POLL,
                        (m, poll) -> Conditions.find(m, Conditions.READY)
                                        .map(c -> Conditions.REASON_CREATING.equals(c.reason()))
                                        .orElse(false)
                                ? busy
                                : poll);

        Duration afterCreate = nextPoll(h);

        assertEquals(1, h.external.creates);
        assertEquals(busy, afterCreate, "not the minute an absent resource would get");
    }
}
