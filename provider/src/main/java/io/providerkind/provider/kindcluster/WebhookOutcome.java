package io.providerkind.provider.kindcluster;

/**
 * How posting one drift alert to the webhook ended: what {@link DriftWebhook#send} completes with, and what its
 * one log line for the alert says.
 */
public sealed interface WebhookOutcome {

    /** The end, for people: follows "drift alert for KindCluster dev (NodesStopped) to https://host". */
    String summary();

    /** Whether an operator should look: the receiver did not get the alert, and no newer one replaced it. */
    default boolean lost() {
        return true;
    }

    /** The receiver accepted it (HTTP 2xx). */
    record Delivered(int status, int attempts) implements WebhookOutcome {
        @Override
        public String summary() {
            return "delivered: HTTP " + status + " at attempt " + attempts;
        }

        @Override
        public boolean lost() {
            return false;
        }
    }

    /** The receiver refused the request itself (a 4xx, or a redirect, which is not followed): not retried. */
    record Refused(int status) implements WebhookOutcome {
        @Override
        public String summary() {
            return "refused with HTTP " + status + ", not retried: check the receiver and the ProviderConfig's "
                    + "spec.alerts.webhookURL";
        }
    }

    /** Every attempt failed with no answer or a 5xx, or the provider stopped before the next one. */
    record GaveUp(String lastProblem, int attempts) implements WebhookOutcome {
        @Override
        public String summary() {
            return "not delivered after " + attempts + " attempt(s): " + lastProblem;
        }
    }

    /** A newer drift of the same cluster was sent before this one got through: the newer one goes instead. */
    record Superseded(int attempts) implements WebhookOutcome {
        @Override
        public String summary() {
            return "dropped after " + attempts + " attempt(s): a newer drift of the cluster is sent instead";
        }

        @Override
        public boolean lost() {
            return false;
        }
    }

    /** This very alert was sent already (or is being sent): a drift is posted at most once. */
    record Duplicate() implements WebhookOutcome {
        @Override
        public String summary() {
            return "already sent";
        }

        @Override
        public boolean lost() {
            return false;
        }
    }

    /** Not posted at all: the URL is not usable, or the provider is stopping. */
    record NotSent(String problem) implements WebhookOutcome {
        @Override
        public String summary() {
            return "not sent: " + problem;
        }
    }
}
