package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.managed.Conditions;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * How often to look at a kind cluster: at the configured poll interval when nothing is happening, and
 * every {@code busyPoll} while kind creates or deletes it or kindserver loads its images. While it is busy, kindserver's changes reconcile it as
 * they happen ({@link KindServerChanges}); the busy poll is the fallback for when they cannot (a kindserver without
 * long-polls, a failed wait), so that Ready=True then follows kindserver's Ready within about that interval instead
 * of up to a minute later.
 */
public final class KindClusterPolling implements BiFunction<Managed, Duration, Duration> {

    /** {@link KindClusterExternal#BUSY} as {@code status.atProvider.phase} shows them. */
    private static final Set<String> BUSY_PHASES =
            KindClusterExternal.BUSY.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> BUSY_REASONS = Set.of(Conditions.REASON_CREATING, Conditions.REASON_DELETING);

    private final Duration busyPoll;

    public KindClusterPolling(Duration busyPoll) {
        this.busyPoll = busyPoll;
    }

    @Override
    public Duration apply(Managed managed, Duration poll) {
        return isBusy(managed) && busyPoll.compareTo(poll) < 0 ? busyPoll : poll;
    }

    private static boolean isBusy(Managed managed) {
        if (managed.getMetadata().getDeletionTimestamp() != null) {
            return true;
        }
        boolean readyIsBusy = Conditions.find(managed, Conditions.READY)
                .map(c -> BUSY_REASONS.contains(c.reason()))
                .orElse(false);
        String phase = managed instanceof KindClusterResource cluster
                ? cluster.atProvider().phase()
                : null;
        boolean imagesLoading = managed instanceof KindClusterResource cluster
                && ImagePreload.shownUnderWay(cluster.atProvider().images());
        return readyIsBusy || (phase != null && BUSY_PHASES.contains(phase)) || imagesLoading;
    }
}
