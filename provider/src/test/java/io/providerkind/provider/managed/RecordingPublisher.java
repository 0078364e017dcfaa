package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;
import java.util.ArrayList;
import java.util.List;

/** A publisher that writes only on change, like the real one, and remembers what it wrote. */
final class RecordingPublisher implements ConnectionPublisher {

    ConnectionDetails published = ConnectionDetails.none();
    final List<ConnectionDetails> writes = new ArrayList<>();
    RuntimeException failure;
    int unpublished;

    @Override
    public boolean publish(Managed managed, ConnectionDetails details) {
        if (failure != null) {
            throw failure;
        }
        if (details.isEmpty() || details.equals(published)) {
            return false;
        }
        published = details;
        writes.add(details);
        return true;
    }

    @Override
    public void unpublish(Managed managed, ConnectionDetails details) {
        unpublished++;
    }
}
