package io.providerkind.provider.managed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.Managed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crossplane-runtime's managed-resource state gauges ({@code statemetrics.MRStateRecorder}), under its names and
 * {@code gvk} label: how many resources of one kind exist, and how many are Ready=True and Synced=True, counted every
 * {@code interval} (crossplane's {@code --poll-state-metric}) from the controller's informer cache, so a tick costs no
 * API request. As there, the series appear with the first count, and a deleted resource leaves the counts.
 */
public final class ManagedStateMetrics<M extends Managed> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedStateMetrics.class);

    private final MeterRegistry registry;
    private final String gvk;
    private final Duration interval;
    private final AtomicLong exists = new AtomicLong();
    private final AtomicLong ready = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile Supplier<Stream<M>> cache;
    private boolean registered;

    public ManagedStateMetrics(MeterRegistry registry, String gvk, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("state metric interval must be positive, got " + interval);
        }
        this.registry = registry;
        this.gvk = gvk;
        this.interval = interval;
        this.ticker = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("state-metrics"));
    }

    /** Counts from this cache from now on: the controller's primary cache, once its controller registers it. */
    public void bind(Supplier<Stream<M>> resources) {
        this.cache = resources;
    }

    public void start() {
        long nanos = interval.toNanos();
        ticker.scheduleWithFixedDelay(this::recordQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts what the cache holds now; nothing before it is bound. */
    public synchronized void record() {
        Supplier<Stream<M>> resources = cache;
        if (resources == null) {
            return;
        }
        List<M> all;
        try (Stream<M> stream = resources.get()) {
            all = stream.toList();
        }
        exists.set(all.size());
        ready.set(all.stream().filter(m -> isTrue(m, Conditions.READY)).count());
        synced.set(all.stream().filter(m -> isTrue(m, Conditions.SYNCED)).count());
        if (!registered) {
            gauge("exists", "The number of managed resources that exist", exists);
            gauge("ready", "The number of managed resources in Ready=True state", ready);
            gauge("synced", "The number of managed resources in Synced=True state", synced);
            registered = true;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** A failed count (a cache being restarted) keeps the last one; the next tick tries again. */
    private void recordQuietly() {
        try {
            record();
        } catch (RuntimeException e) {
            log.debug("cannot count {} resources for the state metrics: {}", gvk, e.toString());
        }
    }

    private static boolean isTrue(Managed managed, String type) {
        return Conditions.find(managed, type).map(Condition::isTrue).orElse(false);
    }

    private void gauge(String name, String help, AtomicLong value) {
        Gauge.builder("crossplane.managed_resource." + name, value, AtomicLong::get)
                .description(help)
                .tag("gvk", gvk)
                .register(registry);
    }
}
