package io.providerkind.provider.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.providerkind.provider.managed.EventRecorder;
import java.util.ArrayList;
import java.util.List;

/** Remembers Events as "Type Reason: message". */
public final class RecordingEvents implements EventRecorder {

    public final List<String> events = new ArrayList<>();

    @Override
    public void normal(HasMetadata about, String reason, String message) {
        events.add("Normal " + reason + ": " + message);
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
        events.add("Warning " + reason + ": " + message);
    }

    /** The Events as "Type Reason", in the order told. */
    public List<String> reasons() {
        return events.stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
    }
}
