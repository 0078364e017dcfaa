package io.providerkind.provider.kindcluster;

import io.providerkind.sdk.BadRequestException;
import io.providerkind.sdk.ClusterNotFoundException;
import io.providerkind.sdk.ConflictException;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.ServerErrorException;
import io.providerkind.sdk.ThrottledException;
import io.providerkind.sdk.UnauthorizedException;
import io.providerkind.sdk.UnreachableException;

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
