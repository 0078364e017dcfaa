package io.providerkind.provider.kindcluster;

import io.providerkind.sdk.BadRequestException;
import io.providerkind.sdk.ClusterNotFoundException;
import io.providerkind.sdk.ConflictException;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.ServerErrorException;
import io.providerkind.sdk.ThrottledException;
import io.providerkind.sdk.UnauthorizedException;
import io.providerkind.sdk.UnreachableException;
import java.util.List;

/**
 * A kindserver call that failed, said so that the person reading the KindCluster's Synced condition
 * knows what to check. The one place where the SDK's exceptions become words.
 */
public final class KindServerFailure extends RuntimeException {

    private KindServerFailure(String message, KindServerException cause) {
        super(message, cause);
    }

    /**
     * kindserver has the cluster, for another owner: kind cluster names are global per Docker host, so another
     * namespace or management cluster got the name first.
     */
    public static KindServerFailure ownedByAnother(String name, String owner, String url) {
        return new KindServerFailure(
                "kind cluster \"" + name + "\" at kindserver " + url + " belongs to owner \"" + owner
                        + "\", not to this"
                        + " KindCluster (kind cluster names are global per Docker host): choose another"
                        + " crossplane.io/external-name, or import the cluster read-only with spec.managementPolicies"
                        + " [\"Observe\"]",
                null);
    }

    /**
     * kindserver refused or failed to take images to load: which images, into which cluster, and kindserver's answer
     * (409 while the cluster is not Ready, 400 for a malformed reference).
     */
    public static KindServerFailure imagesRefused(String name, List<String> images, KindServerException e, String url) {
        return new KindServerFailure(
                "cannot load images " + String.join(", ", images) + " into kind cluster \"" + name + "\": "
                        + of(e, url).getMessage(),
                e);
    }

    /** The kindserver client has no image loads: a kindserver older than spec.forProvider.preloadImages. */
    public static KindServerFailure imagesUnsupported(String name, String url) {
        return new KindServerFailure(
                "cannot load images into kind cluster \"" + name + "\": kindserver at " + url
                        + " does not load images (it is older than spec.forProvider.preloadImages): upgrade"
                        + " kindserver, or remove preloadImages",
                null);
    }

    public static KindServerFailure of(KindServerException e, String url) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        String message;
        if (e instanceof UnreachableException) {
            // the SDK already names the address in its own words; say it once
            String what = e.getMessage() != null && e.getMessage().contains(url)
                    ? e.getMessage()
                    : "cannot reach kindserver at " + url + detail;
            message = what + " (is kindserver running, and can the provider reach that address?)";
        } else if (e instanceof UnauthorizedException) {
            message = "kindserver at " + url + " refused the password (HTTP 401): check the credentials "
                    + "the ProviderConfig names";
        } else if (e instanceof ThrottledException throttled) {
            message = "kindserver at " + url + " refuses calls from the provider's address for "
                    + throttled.retryAfter().map(d -> d.toSeconds() + " s").orElse("a while")
                    + " after too many wrong passwords (HTTP 429): check the credentials the ProviderConfig names,"
                    + " and who else calls kindserver from that address";
        } else if (e instanceof ServerErrorException) {
            message = "kindserver at " + url + " failed (HTTP " + e.status() + ")" + detail;
        } else if (e instanceof ConflictException) {
            message = "kindserver at " + url + " reports a conflict (HTTP 409)" + detail;
        } else if (e instanceof BadRequestException) {
            message = "kindserver at " + url + " rejected the request (HTTP " + e.status() + ")" + detail;
        } else if (e instanceof ClusterNotFoundException) {
            message = "kindserver at " + url + " does not know the cluster" + detail;
        } else {
            message = "kindserver at " + url + " failed" + detail;
        }
        return new KindServerFailure(message, e);
    }
}
