package io.providerkind.provider.providerconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.managed.ReconcileAdmission;
import io.providerkind.provider.managed.ReconcileRateLimiter;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * ProviderConfig reconciles draw from the provider's one rate limit, as crossplane-runtime wraps its providerconfig
 * reconciler in the global rate limiter: over the limit, the reconcile is rescheduled for its token and does nothing
 * else. The limit is 1 reconcile per second (a burst of 10) on a fake clock.
 */
class ProviderConfigRateLimitTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ReconcileRateLimiter limiter = new ReconcileRateLimiter(1, nanos::get);

    @Test
    void overTheLimitAProviderConfigIsRescheduledForItsTokenAndTouchesNothing() {
        ReconcileAdmission kindClusters = new ReconcileAdmission(limiter);
        for (int i = 0; i < 10; i++) {
            kindClusters.admit("cluster-" + i);
        }
        // no client: any API call would fail the test
        ProviderConfigReconciler reconciler =
                new ProviderConfigReconciler(null, null, new ReconcileAdmission(limiter), Clock.systemUTC());

        UpdateControl<ProviderConfig> control = reconciler.reconcile(config("default"), onlyAsksWhetherDeleted());

        assertEquals(Optional.of(Duration.ofSeconds(1).toMillis()), control.getScheduleDelay(), "the next token");
        assertTrue(control.isNoUpdate(), "nothing written");
    }

    private static ProviderConfig config(String name) {
        ProviderConfig config = new ProviderConfig();
        config.getMetadata().setName(name);
        config.getMetadata().setUid("uid-" + name);
        return config;
    }

    /** A reconcile context that answers only "not deleted" and fails the test on any other question. */
    @SuppressWarnings("unchecked")
    private static Context<ProviderConfig> onlyAsksWhetherDeleted() {
        return (Context<ProviderConfig>) Proxy.newProxyInstance(
                Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isPrimaryResourceDeleted")) {
                        return false;
                    }
                    throw new AssertionError("over the limit the reconcile asked its context for " + method.getName());
                });
    }
}
