package io.providerkind.provider.providerconfig;

import io.providerkind.provider.api.ProviderConfigSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A ProviderConfig's {@code spec.alerts.webhookURL}, judged once: absent, usable (an absolute http or https URL
 * with a host), or invalid and why. Such URLs often carry a token in their path or query (chat and incident
 * tools hand them out that way), so nothing here shows more of a URL than its {@linkplain Valid#origin() origin}:
 * not the reasons (the CRD's pattern lets most mistakes through to here), not even {@code toString}.
 */
public sealed interface WebhookUrl {

    /** The webhook URL of the ProviderConfig with this spec, judged. */
    static WebhookUrl of(ProviderConfigSpec spec) {
        return parse(
                spec == null || spec.alerts() == null ? null : spec.alerts().webhookURL());
    }

    static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            return new Absent();
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            // getReason and getIndex, not getMessage: the message quotes the whole URL
            String where = e.getIndex() < 0 ? "" : " at character " + e.getIndex();
            return new Invalid("is not a URL (" + e.getReason() + where + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return new Invalid("is not an http or https URL");
        }
        if (uri.getHost() == null) {
            // also what java.net.URI makes of an authority it cannot read as host[:port], an underscore say
            return new Invalid("has no host that can be reached");
        }
        if (uri.getPort() > 65535) {
            return new Invalid("has a port above 65535");
        }
        return new Valid(uri);
    }

    /** No webhook: alerts go out as Events, conditions and metrics only. */
    record Absent() implements WebhookUrl {}

    /** A URL the provider can post to. */
    record Valid(URI uri) implements WebhookUrl {

        /** {@code scheme://host[:port]}: all of the URL that may be logged or shown. */
        public String origin() {
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }

        /** The text with this URL and its path and query, should the text quote them, cut down to the origin. */
        public String redact(String text) {
            if (text == null) {
                return null;
            }
            // the whole URL first, and the origin put in last, so that a short path cannot cut into the origin
            String placeholder = "\u0000";
            String redacted = text.replace(placeholder, "").replace(uri.toString(), placeholder);
            for (String secretish : new String[] {uri.getRawUserInfo(), uri.getRawQuery(), uri.getRawPath()}) {
                if (secretish != null && secretish.length() > 1) {
                    redacted = redacted.replace(secretish, "…");
                }
            }
            return redacted.replace(placeholder, origin());
        }

        /** The origin only, so that logging this value by mistake shows no token. */
        @Override
        public String toString() {
            return "WebhookUrl[" + origin() + "/…]";
        }
    }

    /**
     * A URL the provider cannot post to.
     *
     * @param problem what is wrong, worded to follow "the webhook URL", never quoting the URL
     */
    record Invalid(String problem) implements WebhookUrl {}
}
