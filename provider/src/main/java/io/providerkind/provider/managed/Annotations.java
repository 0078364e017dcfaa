package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.providerkind.provider.runtime.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crossplane's well-known annotations and what they mean (crossplane-runtime's {@code pkg/meta}).
 * Times are RFC 3339 with second precision, as crossplane writes them, so that both read each
 * other's.
 */
public final class Annotations {

    public static final String EXTERNAL_NAME = "crossplane.io/external-name";
    public static final String EXTERNAL_CREATE_PENDING = "crossplane.io/external-create-pending";
    public static final String EXTERNAL_CREATE_SUCCEEDED = "crossplane.io/external-create-succeeded";
    public static final String EXTERNAL_CREATE_FAILED = "crossplane.io/external-create-failed";
    public static final String PAUSED = "crossplane.io/paused";
    /** Overrides the controller's poll interval for one resource; a Go duration such as {@code 30s} or {@code 1h}. */
    public static final String POLL_INTERVAL = "crossplane.io/poll-interval";
    /** An opaque token; a new one asks for a reconcile, answered in status.lastHandledReconcileAt. */
    public static final String RECONCILE_REQUESTED_AT = "crossplane.io/reconcile-requested-at";

    /**
     * What the managed reconciler records of its own doing and must never lose: the external name (which
     * a create may set) and the create tracking. Everything else on the resource belongs to others.
     */
    static final List<String> CRITICAL =
            List.of(EXTERNAL_NAME, EXTERNAL_CREATE_PENDING, EXTERNAL_CREATE_SUCCEEDED, EXTERNAL_CREATE_FAILED);

    private Annotations() {}

    /** The critical annotations the resource carries. */
    static Map<String, String> critical(HasMetadata resource) {
        Map<String, String> critical = new HashMap<>();
        for (String key : CRITICAL) {
            String value = get(resource, key);
            if (value != null) {
                critical.put(key, value);
            }
        }
        return critical;
    }

    public static String externalName(HasMetadata resource) {
        return get(resource, EXTERNAL_NAME);
    }

    public static void setExternalName(HasMetadata resource, String name) {
        put(resource, EXTERNAL_NAME, name);
    }

    public static boolean isPaused(HasMetadata resource) {
        return "true".equals(get(resource, PAUSED));
    }

    /**
     * The resource's own poll interval, as crossplane-runtime's {@code meta.GetPollInterval}: present only when the
     * annotation holds a positive duration; an empty or unreadable one is ignored, not an error.
     */
    public static Optional<Duration> pollInterval(HasMetadata resource) {
        String value = get(resource, POLL_INTERVAL);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration interval = GoDuration.parse(value);
            return interval.isZero() || interval.isNegative() ? Optional.empty() : Optional.of(interval);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The reconcile-request token, as crossplane-runtime's {@code meta.GetReconcileRequest}: absent when empty. */
    public static Optional<String> reconcileRequest(HasMetadata resource) {
        String value = get(resource, RECONCILE_REQUESTED_AT);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public static void setCreatePending(HasMetadata resource, Instant at) {
        put(resource, EXTERNAL_CREATE_PENDING, format(at));
    }

    public static void setCreateSucceeded(HasMetadata resource, Instant at) {
        put(resource, EXTERNAL_CREATE_SUCCEEDED, format(at));
    }

    public static void setCreateFailed(HasMetadata resource, Instant at) {
        put(resource, EXTERNAL_CREATE_FAILED, format(at));
    }

    /**
     * True when a create was started but its result never recorded: the pending time is newer than
     * both the succeeded and the failed time. Equal times count as complete, because the three are
     * written in that order within the same second.
     */
    public static boolean createIncomplete(HasMetadata resource) {
        Instant pending = time(resource, EXTERNAL_CREATE_PENDING);
        if (pending == null) {
            return false;
        }
        Instant succeeded = time(resource, EXTERNAL_CREATE_SUCCEEDED);
        Instant failed = time(resource, EXTERNAL_CREATE_FAILED);
        Instant latest = latest(succeeded, failed);
        return latest == null || pending.isAfter(latest);
    }

    /** True when the last successful create is younger than the given period. */
    public static boolean createSucceededWithin(HasMetadata resource, Duration period, Instant now) {
        Instant succeeded = time(resource, EXTERNAL_CREATE_SUCCEEDED);
        return succeeded != null && Duration.between(succeeded, now).compareTo(period) < 0;
    }

    /** True when this provider ever recorded a successful create for the resource. */
    public static boolean createEverSucceeded(HasMetadata resource) {
        return time(resource, EXTERNAL_CREATE_SUCCEEDED) != null;
    }

    static String format(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant time(HasMetadata resource, String key) {
        String value = get(resource, key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // crossplane treats an unparsable time as unset; so do we
            return null;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static String get(HasMetadata resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static void put(HasMetadata resource, String key, String value) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        Map<String, String> copy = annotations == null ? new HashMap<>() : new HashMap<>(annotations);
        copy.put(key, value);
        resource.getMetadata().setAnnotations(copy);
    }
}
