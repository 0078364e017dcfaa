package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which kubeconfig a create wrote is taken as the cluster's, and which sends kindserver to ask kind again. */
class KubeconfigsTest {

    private static final ClusterName NAME = new ClusterName("push-dev");

    // as kind v0.24 writes a fresh --kubeconfig: kubeadm's admin.conf renamed kind-<name>, keys sorted
    private static final String WRITTEN = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://127.0.0.1:36880
              name: kind-push-dev
            contexts:
            - context:
                cluster: kind-push-dev
                user: kind-push-dev
              name: kind-push-dev
            current-context: kind-push-dev
            kind: Config
            preferences: {}
            users:
            - name: kind-push-dev
              user:
                client-certificate-data: Q0VSVA==
                client-key-data: S0VZ
            """;

    @Test
    void theFileAFreshCreateWritesIsTakenAsItIs() {
        assertEquals(Optional.of(WRITTEN), Kubeconfigs.writtenByCreate(WRITTEN, NAME));
    }

    @Test
    void anEmptyOrUnreadableFileIsNotTaken() {
        assertTrue(Kubeconfigs.writtenByCreate("", NAME).isEmpty());
        assertTrue(Kubeconfigs.writtenByCreate("clusters: [", NAME).isEmpty());
    }

    @Test
    void anotherClustersEntryIsNotTaken() {
        assertTrue(Kubeconfigs.writtenByCreate(WRITTEN, new ClusterName("push-other"))
                .isEmpty());
    }

    @Test
    void aFileWithMoreThanTheClustersEntryIsNotTaken() {
        String twoClusters = WRITTEN.replace(
                "clusters:\n", "clusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: someone-else\n");
        assertTrue(Kubeconfigs.writtenByCreate(twoClusters, NAME).isEmpty());
    }

    @Test
    void anEntryWithoutServerOrKeyIsNotTaken() {
        assertTrue(Kubeconfigs.writtenByCreate(WRITTEN.replace("    server: https://127.0.0.1:36880\n", ""), NAME)
                .isEmpty());
        assertTrue(Kubeconfigs.writtenByCreate(WRITTEN.replace("    client-key-data: S0VZ\n", ""), NAME)
                .isEmpty());
    }

    @Test
    void aFileWhoseCurrentContextIsAnotherIsNotTaken() {
        assertTrue(Kubeconfigs.writtenByCreate(
                        WRITTEN.replace("current-context: kind-push-dev", "current-context: kind-x"), NAME)
                .isEmpty());
    }
}
