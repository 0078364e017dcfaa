package io.providerkind.kindserver.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.providerkind.kindserver.testing.DockerEngine;
import io.providerkind.kindserver.testing.DockerProxy;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.testsupport.wait.Waits;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The clients kindserver talks to Docker with, on the real engine. */
class DockerClientsTest {

    @Test
    void anEventStreamStaysOpenWhileNothingHappensLongerThanACallMayWait() throws Exception {
        // over TCP, where the response timeout of calls is a socket timeout that would end an idle stream;
        // a label of this test's own keeps the stream idle whatever else runs on the engine
        String label = "kindserver-test-" + UUID.randomUUID();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (DockerClient docker = DockerEngine.client();
                DockerProxy proxy = new DockerProxy().forward();
                DockerClient events = DockerClients.connectForEvents(Optional.of(proxy.dockerHost()))) {
            events.eventsCmd().withLabelFilter(label).exec(new ResultCallback.Adapter<Event>() {
                @Override
                public void onStart(Closeable stream) {
                    super.onStart(stream);
                    seen.add("open");
                }

                @Override
                public void onNext(Event event) {
                    seen.add(event.getAction());
                }

                @Override
                public void onError(Throwable error) {
                    seen.add("error: " + error);
                }

                @Override
                public void onComplete() {
                    seen.add("ended");
                }
            });
            Waits.await("the stream to open").atMost(Duration.ofSeconds(10)).until(() -> seen.contains("open"));
            Waits.holdsFor(
                    "the idle stream to stay open",
                    DockerClients.DEFAULT_RESPONSE_TIMEOUT.plusSeconds(3),
                    Duration.ofMillis(250),
                    () -> seen.equals(List.of("open")));

            String id = docker.createContainerCmd(KindDouble.NODE_IMAGE)
                    .withCmd("/none")
                    .withLabels(Map.of(label, "yes"))
                    .exec()
                    .getId();
            try {
                Waits.await("the stream to carry the container's event")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> seen.contains("create"));
                assertEquals("open", seen.get(0));
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }
}
