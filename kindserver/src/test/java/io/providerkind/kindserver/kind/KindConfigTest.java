package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KindConfigTest {

    private static final String MINIMAL = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    /** The seed's composition config: ingress ports, a kubeadm patch and a containerd patch. */
    private static final String SEED = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
            - role: control-plane
              kubeadmConfigPatches:
              - |
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: "ingress-ready=true"
              extraPortMappings:
              - containerPort: 80
                hostPort: 80
                protocol: TCP
            - role: worker
            containerdConfigPatches:
            - |-
              [plugins."io.containerd.grpc.v1.cri".registry.mirrors."gitea.cnoe.localtest.me:443"]
                endpoint = ["https://gitea.cnoe.localtest.me"]
            """;

    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void hashIsSha256OfTheConfigAsGiven() {
        KindConfig config = KindConfig.parse(MINIMAL);
        // sha256 of "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n"
        assertEquals(64, config.configHash().length());
        assertEquals(config.configHash(), KindConfig.parse(MINIMAL).configHash());
        assertNotEquals(
                config.configHash(),
                KindConfig.parse(MINIMAL + "\n").configHash(),
                "the hash is of the text as given, not of its meaning");
    }

    @Test
    void renderSetsKindserversAddressAndPortAndKeepsEverythingElse() throws Exception {
        KindConfig config = KindConfig.parse(SEED);
        JsonNode rendered = yaml.readTree(config.render("127.0.0.1", 36443));
        JsonNode original = yaml.readTree(SEED);

        assertEquals("127.0.0.1", rendered.at("/networking/apiServerAddress").asText());
        assertEquals(36443, rendered.at("/networking/apiServerPort").asInt());
        ((com.fasterxml.jackson.databind.node.ObjectNode) rendered).remove("networking");
        assertEquals(original, rendered, "everything but networking must survive unchanged");
        assertEquals(SEED, config.original());
    }

    @Test
    void renderReplacesAddressAndPortTheUserSetAndSaysSo() throws Exception {
        KindConfig config = KindConfig.parse(MINIMAL + """
                networking:
                  apiServerAddress: "0.0.0.0"
                  apiServerPort: 6443
                  podSubnet: "10.244.0.0/16"
                """);
        JsonNode rendered = yaml.readTree(config.render("127.0.0.1", 36500));

        assertEquals("127.0.0.1", rendered.at("/networking/apiServerAddress").asText());
        assertEquals(36500, rendered.at("/networking/apiServerPort").asInt());
        assertEquals("10.244.0.0/16", rendered.at("/networking/podSubnet").asText());
        String note = config.apiServerOverrideNote().orElseThrow();
        assertTrue(note.contains("apiServerAddress=0.0.0.0") && note.contains("apiServerPort=6443"), note);
        assertTrue(KindConfig.parse(MINIMAL).apiServerOverrideNote().isEmpty());
    }

    @Test
    void countsStepsKindPrintsForTheConfig() {
        assertEquals(6, KindConfig.parse(MINIMAL).expectedSteps());
        assertEquals(7, KindConfig.parse(SEED).expectedSteps(), "a worker adds 'Joining worker nodes'");
        assertEquals(
                5,
                KindConfig.parse(MINIMAL + "networking:\n  disableDefaultCNI: true\n")
                        .expectedSteps());
        assertEquals(
                8,
                KindConfig.parse(MINIMAL + "nodes:\n- role: control-plane\n- role: control-plane\n")
                        .expectedSteps(),
                "several control-planes add the load balancer and joining them");
        assertEquals(
                8,
                KindConfig.parse(MINIMAL + "nodes:\n- role: control-plane\n  image: kindest/node:v1.31.0\n"
                                + "- role: worker\n  image: kindest/node:v1.30.4\n")
                        .expectedSteps(),
                "each node image is a step");
    }

    @Test
    void countsNodeContainersIncludingTheLoadBalancer() {
        assertEquals(1, KindConfig.parse(MINIMAL).nodes().containers());
        assertEquals(2, KindConfig.parse(SEED).nodes().containers());
        assertEquals(
                4,
                KindConfig.parse(MINIMAL + "nodes:\n- role: control-plane\n- {}\n- role: worker\n")
                        .nodes()
                        .containers(),
                "a node without role is a control-plane, as in kind");
    }

    @Test
    void rejectsMalformedYamlWithWhereItBroke() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> KindConfig.parse("kind: Cluster\napiVersion: [unclosed\n"));
        assertTrue(e.getMessage().startsWith("kindConfig is not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void rejectsAnotherKindOrApiVersion() {
        InvalidRequestException kind = assertThrows(
                InvalidRequestException.class,
                () -> KindConfig.parse("kind: Pod\napiVersion: kind.x-k8s.io/v1alpha4\n"));
        assertTrue(kind.getMessage().contains("kind is 'Pod', expected 'Cluster'"), kind.getMessage());
        InvalidRequestException version = assertThrows(
                InvalidRequestException.class,
                () -> KindConfig.parse("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\n"));
        assertTrue(version.getMessage().contains("expected 'kind.x-k8s.io/v1alpha4'"), version.getMessage());
        InvalidRequestException missing = assertThrows(
                InvalidRequestException.class, () -> KindConfig.parse("apiVersion: kind.x-k8s.io/v1alpha4\n"));
        assertTrue(missing.getMessage().contains("must set kind: Cluster"), missing.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "---\n", "just a string", "- a\n- list\n", "42"})
    void rejectsWhatIsNotAMapping(String text) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KindConfig.parse(text));
        assertTrue(e.getMessage().startsWith("kindConfig"), e.getMessage());
    }

    @Test
    void rejectsSeveralDocumentsAndDuplicateKeys() {
        assertThrows(InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "---\n" + MINIMAL));
        InvalidRequestException duplicate =
                assertThrows(InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "kind: Cluster\n"));
        assertTrue(duplicate.getMessage().contains("duplicate key kind"), duplicate.getMessage());
    }

    @Test
    void rejectsNodesKindWouldRefuse() {
        assertTrue(assertThrows(
                        InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "nodes:\n- role: worker\n"))
                .getMessage()
                .contains("at least one control-plane"));
        assertTrue(assertThrows(
                        InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "nodes:\n- role: master\n"))
                .getMessage()
                .contains("must be control-plane or worker"));
        assertThrows(InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "nodes: three\n"));
        assertThrows(InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + "networking: on\n"));
    }

    @Test
    void renderKeepsWhatAnchorsAndAliasesShare() throws Exception {
        KindConfig config = KindConfig.parse(MINIMAL + """
                nodes:
                - role: control-plane
                  extraMounts: &mounts
                  - hostPath: /srv/data
                    containerPath: /data
                - role: worker
                  extraMounts: *mounts
                """);
        JsonNode rendered = yaml.readTree(config.render("127.0.0.1", 36443));

        assertEquals("/srv/data", rendered.at("/nodes/1/extraMounts/0/hostPath").asText());
        assertEquals(rendered.at("/nodes/0/extraMounts"), rendered.at("/nodes/1/extraMounts"));
    }

    @Test
    void rejectsAliasBombs() {
        String bomb = MINIMAL + "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n" + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KindConfig.parse(bomb));
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }
}
