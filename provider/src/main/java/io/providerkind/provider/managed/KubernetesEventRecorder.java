package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events the way client-go's recorder does: cluster-scoped objects get their Events in
 * the {@code default} namespace, and an Event repeated within ten minutes bumps the count of the first
 * one instead of adding another object. Recording never fails a reconcile: a lost Event is logged.
 */
public final class KubernetesEventRecorder implements EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(KubernetesEventRecorder.class);
    private static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_MESSAGE = 1024;
    private static final int MAX_REMEMBERED = 4096;

    private final KubernetesClient client;
    private final String component;
    private final Clock clock;
    private final Map<Key, Recorded> recent = new ConcurrentHashMap<>();

    public KubernetesEventRecorder(KubernetesClient client, String component, Clock clock) {
        this.client = client;
        this.component = component;
        this.clock = clock;
    }

    @Override
    public void normal(HasMetadata about, String reason, String message) {
        record(about, "Normal", reason, message);
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
        record(about, "Warning", reason, message);
    }

    private void record(HasMetadata about, String type, String reason, String message) {
        String text = message == null ? "" : truncate(message);
        Key key = new Key(about.getMetadata().getUid(), type, reason, text);
        Instant now = clock.instant();
        try {
            Recorded previous = recent.get(key);
            if (previous != null && previous.lastSeen.plus(AGGREGATION_WINDOW).isAfter(now) && bump(previous, now)) {
                return;
            }
            if (recent.size() > MAX_REMEMBERED) {
                recent.clear();
            }
            Event created = client.v1()
                    .events()
                    .resource(newEvent(about, type, reason, text, now))
                    .create();
            recent.put(
                    key,
                    new Recorded(
                            created.getMetadata().getNamespace(),
                            created.getMetadata().getName(),
                            1,
                            now));
        } catch (KubernetesClientException e) {
            log.warn(
                    "cannot record {} Event {} about {} {}: {}",
                    type,
                    reason,
                    about.getKind(),
                    about.getMetadata().getName(),
                    e.getMessage());
        }
    }

    /** Adds one to the count of an Event already recorded; false when it is gone (Events expire). */
    private boolean bump(Recorded previous, Instant now) {
        int count = previous.count + 1;
        String patch = "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}";
        try {
            client.v1()
                    .events()
                    .inNamespace(previous.namespace)
                    .withName(previous.name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            previous.count = count;
            previous.lastSeen = now;
            return true;
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    private Event newEvent(HasMetadata about, String type, String reason, String message, Instant now) {
        String namespace = about.getMetadata().getNamespace() == null
                ? "default"
                : about.getMetadata().getNamespace();
        String externalName = Annotations.externalName(about);
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(about.getMetadata().getName() + "."
                        + Long.toHexString(now.toEpochMilli() * 1_000_000L + now.getNano() % 1_000_000L))
                .addToAnnotations(externalName == null ? Map.of() : Map.of("external-name", externalName))
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withName(about.getMetadata().getName())
                        .withNamespace(about.getMetadata().getNamespace())
                        .withUid(about.getMetadata().getUid())
                        .withResourceVersion(about.getMetadata().getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource()
                .withComponent(component)
                .endSource()
                .withReportingComponent(component)
                .withFirstTimestamp(now.toString())
                .withLastTimestamp(now.toString())
                .withCount(1)
                .build();
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private record Key(String uid, String type, String reason, String message) {}

    private static final class Recorded {
        private final String namespace;
        private final String name;
        private volatile int count;
        private volatile Instant lastSeen;

        private Recorded(String namespace, String name, int count, Instant lastSeen) {
            this.namespace = namespace;
            this.name = name;
            this.count = count;
            this.lastSeen = lastSeen;
        }
    }
}
