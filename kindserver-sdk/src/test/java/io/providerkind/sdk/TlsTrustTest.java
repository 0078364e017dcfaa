package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom the client trusts: the CA bundle, the JVM's trust store, or (only when asked) anyone. */
class TlsTrustTest {

    private static final String PASSWORD = "tls-test-password";
    private static final String EMPTY_LIST = "{\"clusters\":[]}";

    @Test
    void trustsAServerCertificateSignedByACaInTheBundle() {
        TestCertificate ca = TestCertificate.authority("kindserver test CA");
        TestCertificate unrelated = TestCertificate.authority("unrelated CA");
        try (FakeKindServer server = FakeKindServer.https(ca.sign("127.0.0.1"))) {
            server.answer("GET", "", 200, EMPTY_LIST);
            KindServerClient client =
                    clientFor(server).caBundlePem(unrelated.pem() + ca.pem()).build();

            assertEquals(List.of(), client.list());
        }
    }

    @Test
    void trustsKindServersSelfSignedCertificateGivenAsTheBundle() {
        TestCertificate selfSigned = TestCertificate.selfSigned("localhost", "127.0.0.1");
        try (FakeKindServer server = FakeKindServer.https(selfSigned)) {
            server.answer("GET", "", 200, EMPTY_LIST);

            assertEquals(
                    List.of(),
                    clientFor(server).caBundlePem(selfSigned.pem()).build().list());
        }
    }

    @Test
    void refusesACertificateOutsideTheBundleAsUnreachableMentioningTls() {
        TestCertificate other = TestCertificate.authority("some other CA");
        try (FakeKindServer server = FakeKindServer.https(TestCertificate.selfSigned("127.0.0.1"))) {
            KindServerClient client = clientFor(server).caBundlePem(other.pem()).build();

            UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

            assertEquals(
                    "kindserver at " + server.endpoint() + " is unreachable: TLS handshake failed: "
                            + "certificate not trusted (set caBundle or insecureSkipVerify)",
                    thrown.getMessage());
            assertEquals(0, thrown.status());
            assertTrue(server.received().isEmpty(), "nothing may be sent to an untrusted server");
        }
    }

    @Test
    void refusesASelfSignedCertificateWithTheJvmTrustStore() {
        try (FakeKindServer server = FakeKindServer.https(TestCertificate.selfSigned("127.0.0.1"))) {
            KindServerClient client = clientFor(server).build();

            UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

            assertTrue(
                    thrown.getMessage()
                            .endsWith("TLS handshake failed: certificate not trusted "
                                    + "(set caBundle or insecureSkipVerify)"),
                    thrown.getMessage());
        }
    }

    @Test
    void refusesATrustedCertificateMadeForAnotherHost() {
        TestCertificate otherHost = TestCertificate.selfSigned("kindserver.test");
        try (FakeKindServer server = FakeKindServer.https(otherHost)) {
            KindServerClient client =
                    clientFor(server).caBundlePem(otherHost.pem()).build();

            UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

            assertTrue(
                    thrown.getMessage()
                            .contains("TLS handshake failed: certificate does not match the " + "endpoint's host"),
                    thrown.getMessage());
            assertTrue(server.received().isEmpty(), "nothing may be sent to a server of another name");
        }
    }

    @Test
    void refusesAnExpiredCertificate() {
        TestCertificate ca = TestCertificate.authority("kindserver test CA");
        try (FakeKindServer server = FakeKindServer.https(ca.signExpired("127.0.0.1"))) {
            KindServerClient client = clientFor(server).caBundlePem(ca.pem()).build();

            UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

            assertTrue(
                    thrown.getMessage().endsWith("TLS handshake failed: certificate expired or not yet valid"),
                    thrown.getMessage());
        }
    }

    @Test
    void insecureSkipVerifyAcceptsAnUntrustedCertificateMadeForAnotherHost() {
        try (FakeKindServer server = FakeKindServer.https(TestCertificate.selfSigned("kindserver.test"))) {
            server.answer("GET", "", 200, EMPTY_LIST);
            KindServerClient client = clientFor(server).insecureSkipVerify(true).build();

            assertEquals(List.of(), client.list());
            assertEquals("Bearer " + PASSWORD, server.received().get(0).authorization());
        }
    }

    @Test
    void insecureSkipVerifyOfOneClientLeavesOtherClientsVerifying() {
        try (FakeKindServer server = FakeKindServer.https(TestCertificate.selfSigned("kindserver.test"))) {
            server.answer("GET", "", 200, EMPTY_LIST);
            KindServerClient insecure =
                    clientFor(server).insecureSkipVerify(true).build();
            KindServerClient verifying = clientFor(server).build();

            insecure.list();

            assertThrows(UnreachableException.class, verifying::list);
        }
    }

    @Test
    void talksPlainHttpWhenTheEndpointSaysSo() {
        try (FakeKindServer server = FakeKindServer.http()) {
            server.answer("GET", "", 200, EMPTY_LIST);

            assertEquals(List.of(), clientFor(server).build().list());
        }
    }

    private static KindServerClientBuilder clientFor(FakeKindServer server) {
        return KindServerClients.builder().endpoint(server.endpoint()).password(PASSWORD);
    }
}
