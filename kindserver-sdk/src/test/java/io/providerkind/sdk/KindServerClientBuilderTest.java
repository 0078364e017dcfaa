package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad configuration fails at build() with a message that names what to fix. */
class KindServerClientBuilderTest {

    private static final String ENDPOINT = "https://127.0.0.1:7443/api/v1/kindserver";
    private static final String PASSWORD = "a-test-password-of-32-characters";

    @Test
    void requiresAnEndpoint() {
        assertEquals(
                "endpoint is required, e.g. https://172.18.0.1:7443/api/v1/kindserver",
                refused(KindServerClients.builder().password(PASSWORD)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://127.0.0.1/api/v1/kindserver", "localhost:7443/api/v1/kindserver", "/api/v1/kindserver"})
    void refusesAnEndpointThatIsNotAnHttpUrl(String endpoint) {
        assertEquals(
                "endpoint must be an https:// URL, got '" + endpoint + "'",
                refused(KindServerClients.builder().endpoint(endpoint).password(PASSWORD)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://172.18.0.1:7443/api/v1/kindserver",
                "http://kindserver.example.com:7443/api/v1/kindserver",
                "http://127.0.0.1.nip.io:7443/api/v1/kindserver",
                "http://localhost.example.com/api/v1/kindserver",
                "http://[::2]:7443/api/v1/kindserver",
                "HTTP://10.0.0.1/api/v1/kindserver"
            })
    void refusesPlainHttpToAnythingButLoopbackSoThePasswordNeverTravelsInClearText(String endpoint) {
        String message = refused(KindServerClients.builder().endpoint(endpoint).password(PASSWORD));

        assertTrue(
                message.contains("is plain http:// and would send the password in clear text; use https://"), message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:7443/api/v1/kindserver",
                "http://127.1.2.3:7443/api/v1/kindserver",
                "http://localhost:7443/api/v1/kindserver",
                "http://LOCALHOST/api/v1/kindserver",
                "http://[::1]:7443/api/v1/kindserver"
            })
    void acceptsPlainHttpToLoopbackForTests(String endpoint) {
        HttpKindServerClient client = KindServerClients.builder()
                .endpoint(endpoint)
                .password(PASSWORD)
                .build();

        assertTrue(client.toString().contains("trust=none (plain http on loopback)"), client.toString());
    }

    @Test
    void refusesAResponseLimitThatIsNotPositive() {
        assertEquals(
                "maxResponseBytes must be positive, got 0",
                refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .maxResponseBytes(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://kind server/", "127.0.0.1:7443/api/v1/kindserver"})
    void refusesAnEndpointThatIsNotAUrlAtAll(String endpoint) {
        String message = refused(KindServerClients.builder().endpoint(endpoint).password(PASSWORD));

        assertTrue(message.startsWith("endpoint is not a URL ("), message);
        assertTrue(message.endsWith("write it as https://<host>:7443/api/v1/kindserver"), message);
    }

    @Test
    void refusesAnEndpointWithAQuery() {
        assertTrue(
                refused(KindServerClients.builder().endpoint(ENDPOINT + "?x=1").password(PASSWORD))
                        .startsWith("endpoint must not have a query or fragment"));
    }

    @Test
    void refusesUserInfoInTheEndpointWithoutRepeatingIt() {
        String message = refused(KindServerClients.builder()
                .endpoint(URI.create("https://admin:hunter2@127.0.0.1:7443/api/v1/kindserver"))
                .password(PASSWORD));

        assertEquals("endpoint must not carry user info; give the password with password(...)", message);
        assertFalse(message.contains("hunter2"));
    }

    @Test
    void requiresAPassword() {
        assertEquals(
                "password is required: kindserver refuses every call without one",
                refused(KindServerClients.builder().endpoint(ENDPOINT)));
        assertEquals(
                "password is required: kindserver refuses every call without one",
                refused(KindServerClients.builder().endpoint(ENDPOINT).password("  ")));
    }

    @Test
    void refusesAPasswordWithALineBreakInside() {
        assertEquals(
                "password must not contain control characters or line breaks",
                refused(KindServerClients.builder().endpoint(ENDPOINT).password("one\ntwo")));
    }

    @Test
    void refusesCaBundleTogetherWithInsecureSkipVerify() {
        String pem = TestCertificate.selfSigned("127.0.0.1").pem();

        assertTrue(refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .caBundlePem(pem)
                        .insecureSkipVerify(true))
                .startsWith("set either caBundlePem or insecureSkipVerify, not both"));
    }

    @Test
    void refusesACaBundleWithoutCertificates() {
        assertTrue(refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .caBundlePem("not a certificate"))
                .startsWith("caBundle is not a PEM certificate bundle"));
    }

    @Test
    void refusesACaBundleWithABrokenCertificate() {
        String broken = "-----BEGIN CERTIFICATE-----\nMIIBroken!!\n-----END CERTIFICATE-----\n";

        assertTrue(refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .caBundlePem(broken))
                .startsWith("caBundle is not a PEM certificate bundle"));
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertEquals(
                "connectTimeout must be positive, got PT0S",
                refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .connectTimeout(Duration.ZERO)));
        assertEquals(
                "requestTimeout must be positive, got PT-1S",
                refused(KindServerClients.builder()
                        .endpoint(ENDPOINT)
                        .password(PASSWORD)
                        .requestTimeout(Duration.ofSeconds(-1))));
    }

    @Test
    void treatsABlankCaBundleAsNoneSoAnOptionalFieldCanBePassedThrough() {
        HttpKindServerClient client = KindServerClients.builder()
                .endpoint(ENDPOINT)
                .password(PASSWORD)
                .caBundlePem("")
                .insecureSkipVerify(true)
                .build();

        assertTrue(client.toString().contains("trust=insecure-skip-verify"), client.toString());
    }

    @Test
    void normalisesTheEndpoint() {
        HttpKindServerClient client = KindServerClients.builder()
                .endpoint(" HTTPS://127.0.0.1:7443/api/v1/kindserver// ")
                .password(PASSWORD)
                .build();

        assertEquals(URI.create(ENDPOINT), client.endpoint());
    }

    @Test
    void refusesClusterNamesThatAreNotOnePathSegment() {
        HttpKindServerClient client = KindServerClients.builder()
                .endpoint(ENDPOINT)
                .password(PASSWORD)
                .build();

        assertThrows(IllegalArgumentException.class, () -> client.find(""));
        assertThrows(IllegalArgumentException.class, () -> client.delete(".."));
    }

    private static String refused(KindServerClientBuilder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }
}
