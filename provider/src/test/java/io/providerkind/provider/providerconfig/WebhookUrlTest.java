package io.providerkind.provider.providerconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which webhook URLs the provider posts to, and how little of one it ever shows. */
class WebhookUrlTest {

    @Test
    void absoluteHttpAndHttpsUrlsWithAHostAreUsable() {
        for (String url : List.of(
                "https://hooks.example.com/services/T0/B0/XYZ",
                "http://127.0.0.1:8080/alerts?token=abc",
                "HTTPS://Hooks.Example.com",
                "http://[::1]:9000/alerts")) {
            assertInstanceOf(WebhookUrl.Valid.class, WebhookUrl.parse(url), url);
        }
    }

    @Test
    void noUrlIsNoWebhook() {
        assertInstanceOf(WebhookUrl.Absent.class, WebhookUrl.parse(null));
        assertInstanceOf(WebhookUrl.Absent.class, WebhookUrl.parse("  "));
        assertInstanceOf(WebhookUrl.Absent.class, WebhookUrl.of(null));
    }

    @Test
    void eachUnusableUrlSaysWhatIsWrongWithoutQuotingTheUrl() {
        assertProblem("https://hooks.example.com/a secret", "is not a URL (Illegal character in path at character 27)");
        assertProblem("ftp://files.example.com/secret", "is not an http or https URL");
        assertProblem("/alerts/secret", "is not an http or https URL");
        assertProblem("http:///secret", "has no host that can be reached");
        assertProblem("http://under_score.example.com/secret", "has no host that can be reached");
        assertProblem("http://127.0.0.1:70000/secret", "has a port above 65535");
    }

    @Test
    void onlySchemeHostAndPortAreEverShown() {
        WebhookUrl.Valid url = (WebhookUrl.Valid)
                WebhookUrl.parse("https://user:pass-secret@Hooks.example.com:8443/T0/path-secret?token=query-secret");

        assertEquals("https://Hooks.example.com:8443", url.origin());
        assertEquals("WebhookUrl[https://Hooks.example.com:8443/…]", url.toString());
        assertEquals(
                "cannot reach https://Hooks.example.com:8443 (… and …)",
                url.redact("cannot reach https://user:pass-secret@Hooks.example.com:8443/T0/path-secret"
                        + "?token=query-secret (/T0/path-secret and token=query-secret)"));
        assertEquals(
                "https://hooks.example.com",
                ((WebhookUrl.Valid) WebhookUrl.parse("https://hooks.example.com/x")).origin());
    }

    private static void assertProblem(String url, String problem) {
        WebhookUrl.Invalid invalid = assertInstanceOf(WebhookUrl.Invalid.class, WebhookUrl.parse(url), url);
        assertEquals(problem, invalid.problem());
        assertFalse(invalid.problem().contains("secret"));
    }
}
