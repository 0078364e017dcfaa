package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void childrenGetKindserversEnvironmentWithoutItsOwnVariablesAndCredentials() {
        ChildEnvironment child = ChildEnvironment.of(Map.of(
                "PATH", "/usr/local/bin:/usr/bin",
                "HOME", "/var/lib/kindserver",
                "DOCKER_HOST", "unix:///run/docker.sock",
                "KUBECONFIG", "/etc/kindserver/kubeconfig",
                "KINDSERVER_PASSWORD", "s3cret",
                "KINDSERVER_PASSWORD_FILE", "/run/credentials/kindserver.service/password",
                "KINDSERVER_TLS_KEY", "/etc/kindserver/tls.key",
                "CREDENTIALS_DIRECTORY", "/run/credentials/kindserver.service"));

        assertEquals(
                Map.of(
                        "PATH", "/usr/local/bin:/usr/bin",
                        "HOME", "/var/lib/kindserver",
                        "DOCKER_HOST", "unix:///run/docker.sock",
                        "KUBECONFIG", "/etc/kindserver/kubeconfig"),
                child.variables());
    }

    @Test
    void aProcessBuilderCarriesExactlyTheChildsVariables() {
        ChildEnvironment child = ChildEnvironment.of(Map.of("PATH", "/usr/bin", "KINDSERVER_PASSWORD", "s3cret"));

        assertEquals(
                Map.of("PATH", "/usr/bin"),
                child.processBuilder(List.of("kind")).environment());
    }
}
