package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.testing.KubeconfigClients;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create takes the cluster's kubeconfigs from what kind wrote while it made the cluster, on the real Docker engine
 * with the kind test double: no second run of kind before Ready, and the same kubeconfigs as kind would print.
 */
class CreateKubeconfigTest {

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;
    private KindClusterService service;

    @BeforeEach
    void startService() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36880, 36889), 0.05, "push-");
        service = fixture.start(2);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void createIsReadyWithTheKubeconfigKindWroteWithoutRunningKindGetKubeconfig() throws Exception {
        String name = fixture.name("written");
        service.create(name, KindDoubleFixture.CONFIG);

        ClusterInfo ready = fixture.awaitPhase(service, name, ClusterPhase.Ready);

        List<String> runs = fixture.kindRuns();
        assertEquals(
                1, runs.stream().filter(run -> run.startsWith("create cluster")).count(), "" + runs);
        // other clusters on the shared engine, made without kindserver, get theirs from kind get kubeconfig
        assertTrue(runs.stream().noneMatch(run -> run.equals("get kubeconfig --name " + name)), "" + runs);

        String printed = fixture.runKind("get", "kubeconfig", "--name", name);
        assertEquals(yaml(Kubeconfigs.withServer(printed, ready.endpoint())), yaml(ready.kubeconfig()));
        assertEquals(
                yaml(Kubeconfigs.withServer(printed, "https://" + name + "-control-plane:6443")),
                yaml(ready.internalKubeconfig()));
        HttpResponse<String> version = KubeconfigClients.get(ready.kubeconfig(), "/version");
        assertEquals(200, version.statusCode(), version.body());
    }

    private static JsonNode yaml(String text) throws IOException {
        return new YAMLMapper().readTree(text);
    }
}
