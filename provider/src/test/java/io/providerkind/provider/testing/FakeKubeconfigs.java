package io.providerkind.provider.testing;

import java.util.Base64;

/** Kubeconfigs as kind writes them, for {@link FakeKindServer}'s clusters. */
final class FakeKubeconfigs {

    private FakeKubeconfigs() {}

    /** A kubeconfig shaped as kind writes it; the PEM blocks are placeholders. */
    static String of(String name, String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                    certificate-authority-data: %s
                    server: %s
                  name: kind-%s
                contexts:
                - context:
                    cluster: kind-%s
                    user: kind-%s
                  name: kind-%s
                current-context: kind-%s
                users:
                - name: kind-%s
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                """.formatted(
                        pem("CERTIFICATE", "ca of " + name),
                        server,
                        name,
                        name,
                        name,
                        name,
                        name,
                        name,
                        pem("CERTIFICATE", "client of " + name),
                        pem("RSA PRIVATE KEY", "key of " + name));
    }

    private static String pem(String type, String content) {
        String body = Base64.getEncoder().encodeToString(content.getBytes());
        String block = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        return Base64.getEncoder().encodeToString(block.getBytes());
    }
}
