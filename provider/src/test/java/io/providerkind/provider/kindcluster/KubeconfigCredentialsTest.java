package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.testing.FakeKindServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeconfigCredentialsTest {

    @Test
    void decodesCaCertificateAndKeyOfTheCurrentContext() {
        Map<String, String> values = KubeconfigCredentials.of(FakeKindServerKubeconfig.of("dev"));

        assertEquals(3, values.size());
        assertTrue(values.get("clusterCA").startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(values.get("clientCert").startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(values.get("clientKey").startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    }

    @Test
    void somethingThatIsNoKubeconfigGivesNothingRatherThanFailing() {
        assertTrue(KubeconfigCredentials.of("this: [is not").isEmpty());
        assertTrue(KubeconfigCredentials.of("apiVersion: v1\nkind: Config\n").isEmpty());
    }

    /** Reaches the fake's kubeconfig, which is what kind writes. */
    static final class FakeKindServerKubeconfig {
        static String of(String name) {
            FakeKindServer server = new FakeKindServer();
            server.existing(name, "kind: Cluster\n");
            return server.find(name).orElseThrow().kubeconfig();
        }
    }
}
