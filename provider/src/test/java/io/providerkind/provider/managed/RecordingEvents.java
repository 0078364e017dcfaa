package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Remembers Events as "Type Reason: message". */
final class RecordingEvents implements EventRecorder {

    final List<String> events = new ArrayList<>();

    @Override
    public void normal(HasMetadata about, String reason, String message) {
        events.add("Normal " + reason + ": " + message);
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
        events.add("Warning " + reason + ": " + message);
    }

    List<String> reasons() {
        return events.stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
    }
}
