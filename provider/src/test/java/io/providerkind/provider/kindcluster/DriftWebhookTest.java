package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.providerkind.provider.testing.WebhookReceiver;
import io.providerkind.testsupport.FreePort;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Posting drift alerts to a real receiver on 127.0.0.1: retries, refusals, timeouts, and what the log shows. */
class DriftWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Three attempts, 20 ms then 40 ms apart: the retries of the real settings, without their seconds. */
    private static final DriftWebhook.Settings QUICK =
            new DriftWebhook.Settings(3, Duration.ofMillis(20), Duration.ofSeconds(5));
    /** A retry that would come long after the test is over, unless something ends it first. */
    private static final DriftWebhook.Settings SLOW_RETRY =
            new DriftWebhook.Settings(3, Duration.ofSeconds(60), Duration.ofSeconds(5));

    private final Logger logger = (Logger) LoggerFactory.getLogger(DriftWebhook.class);
    private final Level levelBefore = logger.getLevel();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private WebhookReceiver receiver;
    private DriftWebhook webhook;

    @BeforeEach
    void startTheReceiverAndCaptureTheLog() throws Exception {
        receiver = new WebhookReceiver();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopEverything() {
        if (webhook != null) {
            webhook.close();
        }
        receiver.close();
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
    }

    @Test
    void anAlertAnsweredWith503IsRetriedUntilTheReceiverTakesItOnce() throws Exception {
        webhook = new DriftWebhook(QUICK);
        receiver.answer(503, 503);

        WebhookOutcome outcome = outcomeOf(webhook.send(receiver.url(), alert("dev", "dev-control-plane")));

        assertEquals(new WebhookOutcome.Delivered(204, 3), outcome);
        assertEquals(3, receiver.requests());
        assertEquals(1, receiver.bodies().size(), "accepted once");
        assertTrue(
                receiver.bodies().get(0).contains("\"fingerprint\":\"NodesStopped(dev-control-plane)\""),
                receiver.bodies().get(0));
    }

    @Test
    void anAlertRefusedWith400IsNotRetried() throws Exception {
        webhook = new DriftWebhook(QUICK);
        receiver.answer(400);

        WebhookOutcome outcome = outcomeOf(webhook.send(receiver.url(), alert("dev", "dev-control-plane")));

        assertEquals(new WebhookOutcome.Refused(400), outcome);
        holdsFor("no second POST", Duration.ofMillis(500), () -> receiver.requests() == 1);
        assertEquals(List.of(), receiver.bodies());
    }

    @Test
    void anUnreachableReceiverIsTriedThreeTimesThenGivenUp() throws Exception {
        webhook = new DriftWebhook(QUICK);
        String nobodyListens = "http://127.0.0.1:" + FreePort.onLoopback() + "/alerts";

        WebhookOutcome outcome = outcomeOf(webhook.send(nobodyListens, alert("dev", "dev-control-plane")));

        WebhookOutcome.GaveUp gaveUp = assertInstanceOf(WebhookOutcome.GaveUp.class, outcome);
        assertEquals(3, gaveUp.attempts());
        assertTrue(gaveUp.lastProblem().contains("ConnectException"), gaveUp.lastProblem());
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpOnAsEachAttemptTimesOut() throws Exception {
        webhook = new DriftWebhook(new DriftWebhook.Settings(3, Duration.ofMillis(20), Duration.ofMillis(300)));
        receiver.hold();

        WebhookOutcome outcome = outcomeOf(webhook.send(receiver.url(), alert("dev", "dev-control-plane")));

        WebhookOutcome.GaveUp gaveUp = assertInstanceOf(WebhookOutcome.GaveUp.class, outcome);
        assertEquals(3, gaveUp.attempts());
        assertTrue(gaveUp.lastProblem().contains("HttpTimeoutException"), gaveUp.lastProblem());
        waitUpTo(WAIT, "each attempt reached the receiver").until(() -> receiver.requests() == 3);
    }

    @Test
    void sendReturnsWhileTheReceiverIsStillAnswering() throws Exception {
        webhook = new DriftWebhook(QUICK);
        receiver.hold();

        CompletableFuture<WebhookOutcome> sent = webhook.send(receiver.url(), alert("dev", "dev-control-plane"));

        assertFalse(sent.isDone(), "the receiver holds its answer, so only a send that waits could be done");
        waitUpTo(WAIT, "the POST reaches the receiver").until(() -> receiver.requests() == 1);
        receiver.release();
        assertEquals(new WebhookOutcome.Delivered(204, 1), outcomeOf(sent));
    }

    @Test
    void theLogNamesTheReceiverBySchemeAndHostOnlyNeverByItsToken() throws Exception {
        webhook = new DriftWebhook(QUICK);
        receiver.answer(503);
        String withTokens = receiver.url() + "/T0001/B0002/path-secret-123?token=query-secret-456";
        String unreachable = "http://hook-user:pass-secret-789@127.0.0.1:" + FreePort.onLoopback()
                + "/alerts/path-secret-123?token=query-secret-456";

        assertInstanceOf(
                WebhookOutcome.Delivered.class, outcomeOf(webhook.send(withTokens, alert("dev", "dev-control-plane"))));
        assertInstanceOf(
                WebhookOutcome.GaveUp.class, outcomeOf(webhook.send(unreachable, alert("prod", "prod-worker"))));

        String origin = receiver.url().replace("/alerts", "");
        List<String> outcomes = messagesAtLeast(Level.INFO);
        assertEquals(2, outcomes.size(), "one line per alert: " + outcomes);
        assertTrue(
                outcomes.get(0).contains("KindCluster dev (NodesStopped) to " + origin + ": delivered"),
                outcomes.get(0));
        assertTrue(outcomes.get(1).contains("KindCluster prod (NodesStopped) to http://127.0.0.1:"), outcomes.get(1));
        String everything = String.join("\n", messagesAtLeast(Level.DEBUG));
        assertTrue(everything.contains("retrying"), "the retry is logged at debug: " + everything);
        assertFalse(everything.contains("secret"), everything);
        assertFalse(everything.contains("/alerts"), everything);
    }

    @Test
    void aMalformedUrlIsNotPostedAndFailsNothing() throws Exception {
        webhook = new DriftWebhook(QUICK);

        for (String malformed : List.of(
                "https://hooks.example.com/services/a secret token",
                "ftp://127.0.0.1/alerts?token=secret",
                "not a url, just a secret",
                "http:///secret-path",
                "http://127.0.0.1:99999/secret")) {
            WebhookOutcome outcome = outcomeOf(webhook.send(malformed, alert("dev", "dev-control-plane")));
            assertInstanceOf(WebhookOutcome.NotSent.class, outcome, malformed);
        }

        assertEquals(0, receiver.requests());
        assertFalse(String.join("\n", messagesAtLeast(Level.DEBUG)).contains("secret"));
    }

    @Test
    void aNewerDriftOfTheClusterReplacesAnOlderOneStillBeingRetried() throws Exception {
        webhook = new DriftWebhook(SLOW_RETRY);
        receiver.answer(503);
        CompletableFuture<WebhookOutcome> older = webhook.send(receiver.url(), alert("dev", "dev-control-plane"));
        waitUpTo(WAIT, "the older alert's first attempt is refused").until(() -> receiver.requests() == 1);

        WebhookOutcome newer = outcomeOf(webhook.send(receiver.url(), alert("dev", "dev-worker")));

        assertEquals(new WebhookOutcome.Delivered(204, 1), newer);
        assertEquals(new WebhookOutcome.Superseded(1), outcomeOf(older), "ended now, not at its next retry");
        assertEquals(2, receiver.requests());
        assertEquals(1, receiver.bodies().size());
        assertTrue(
                receiver.bodies().get(0).contains("NodesStopped(dev-worker)"),
                receiver.bodies().get(0));
    }

    @Test
    void driftsOfTwoClustersDoNotReplaceEachOther() throws Exception {
        webhook = new DriftWebhook(QUICK);
        receiver.answer(503);

        CompletableFuture<WebhookOutcome> dev = webhook.send(receiver.url(), alert("dev", "dev-control-plane"));
        CompletableFuture<WebhookOutcome> prod = webhook.send(receiver.url(), alert("prod", "prod-control-plane"));

        assertInstanceOf(WebhookOutcome.Delivered.class, outcomeOf(dev));
        assertInstanceOf(WebhookOutcome.Delivered.class, outcomeOf(prod));
        assertEquals(2, receiver.bodies().size());
    }

    @Test
    void theSameAlertSentTwiceIsPostedOnce() throws Exception {
        webhook = new DriftWebhook(QUICK);
        DriftWebhook.Alert alert = alert("dev", "dev-control-plane");

        CompletableFuture<WebhookOutcome> first = webhook.send(receiver.url(), alert);
        WebhookOutcome again = outcomeOf(webhook.send(receiver.url(), alert));
        assertEquals(new WebhookOutcome.Delivered(204, 1), outcomeOf(first));
        WebhookOutcome afterDelivery = outcomeOf(webhook.send(receiver.url(), alert));

        assertEquals(new WebhookOutcome.Duplicate(), again);
        assertEquals(new WebhookOutcome.Duplicate(), afterDelivery);
        assertEquals(1, receiver.requests());
    }

    @Test
    void closingTheWebhookEndsAnAlertWaitingForItsRetry() throws Exception {
        webhook = new DriftWebhook(SLOW_RETRY);
        receiver.answer(503);
        CompletableFuture<WebhookOutcome> waiting = webhook.send(receiver.url(), alert("dev", "dev-control-plane"));
        waitUpTo(WAIT, "the first attempt is refused").until(() -> receiver.requests() == 1);

        webhook.close();

        assertEquals(new WebhookOutcome.GaveUp("the provider stopped", 1), outcomeOf(waiting));
        assertInstanceOf(
                WebhookOutcome.NotSent.class,
                outcomeOf(webhook.send(receiver.url(), alert("dev", "dev-worker"))),
                "nothing is sent once closed");
        assertEquals(1, receiver.requests());
    }

    private static WebhookOutcome outcomeOf(CompletableFuture<WebhookOutcome> sent) throws Exception {
        return sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private List<String> messagesAtLeast(Level level) {
        synchronized (log.list) {
            return log.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .map(ILoggingEvent::getFormattedMessage)
                    .collect(Collectors.toList());
        }
    }

    /** One stopped node of the cluster: each node is a distinct drift. */
    private static DriftWebhook.Alert alert(String cluster, String stoppedNode) {
        Drift drift = new Drift(Drift.NODES_STOPPED, stoppedNode, "node " + stoppedNode + " is stopped");
        return new DriftWebhook.Alert(
                "KindCluster",
                cluster,
                cluster,
                Drift.NODES_STOPPED,
                Drift.NODES_STOPPED + ": " + drift.message(),
                Drift.fingerprint(List.of(drift)),
                List.of(drift),
                "2026-12-02T10:00:00Z");
    }
}
