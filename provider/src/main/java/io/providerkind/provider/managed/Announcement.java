package io.providerkind.provider.managed;

/**
 * Something an external client wants told (an Event, a metric, a webhook) about what its Observe recorded
 * in the managed resource's status. The reconciler tells it only once that status is written: a reconcile
 * of a stale copy, whose status write is refused, tells nothing, so a change is told once.
 */
@FunctionalInterface
public interface Announcement {

    void announce();
}
