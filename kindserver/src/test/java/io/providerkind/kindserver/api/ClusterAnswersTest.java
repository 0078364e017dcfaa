package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerJson;
import io.providerkind.sdk.NodeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAnswersTest {

    private final ObjectMapper json =
            KindServerJson.newObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final ClusterAnswers answers = new ClusterAnswers(json);

    private static ClusterInfo cluster(String name, ClusterPhase phase, String message) {
        return new ClusterInfo(
                name,
                phase,
                null,
                "https://127.0.0.1:36443",
                "apiVersion: v1\nkind: Config\n",
                "apiVersion: v1\nkind: Config # internal\n",
                "v1.31.0",
                "172.18.0.5",
                List.of(new NodeInfo(name + "-control-plane", "control-plane", "running", "172.18.0.5")),
                "abc123",
                message,
                Instant.parse("2025-03-31T10:15:30Z"),
                "owner-1");
    }

    @Test
    void anUnchangedClusterIsAnsweredWithTheBytesSerialisedTheFirstTime() {
        byte[] first = answers.of(cluster("dev", ClusterPhase.Ready, null));

        assertSame(first, answers.of(cluster("dev", ClusterPhase.Ready, null)), "an equal state, built anew");
    }

    @Test
    void aChangedClusterIsSerialisedAnewAndItsOwnBytesAreServed() throws Exception {
        answers.of(cluster("dev", ClusterPhase.Ready, null));
        ClusterInfo stopped = cluster("dev", ClusterPhase.Stopped, "node(s) not running: dev-control-plane (exited)");

        byte[] changed = answers.of(stopped);

        assertArrayEquals(json.writeValueAsString(stopped).getBytes(StandardCharsets.UTF_8), changed);
        assertTrue(new String(changed, StandardCharsets.UTF_8).contains("\"phase\":\"Stopped\""));
    }

    @Test
    void theBytesAreJacksonsStringAsUtf8EvenForTextBeyondAscii() throws Exception {
        ClusterInfo cluster = cluster("dev", ClusterPhase.Failed, "kind a échoué → réessayez 🙂");

        assertArrayEquals(json.writeValueAsString(cluster).getBytes(StandardCharsets.UTF_8), answers.of(cluster));
    }

    @Test
    void aForgottenClusterIsSerialisedAgainWhenItComesBack() {
        byte[] before = answers.of(cluster("dev", ClusterPhase.Ready, null));

        answers.forget("dev");

        byte[] after = answers.of(cluster("dev", ClusterPhase.Ready, null));
        assertNotSame(before, after);
        assertArrayEquals(before, after);
    }

    @Test
    void manyNamesNeverGrowTheAnswersPastTheirBound() {
        byte[] first = answers.of(cluster("c-0", ClusterPhase.Ready, null));
        for (int i = 1; i <= ClusterAnswers.MAX_CLUSTERS; i++) {
            answers.of(cluster("c-" + i, ClusterPhase.Ready, null));
        }

        assertNotSame(first, answers.of(cluster("c-0", ClusterPhase.Ready, null)), "the first was dropped");
    }
}
