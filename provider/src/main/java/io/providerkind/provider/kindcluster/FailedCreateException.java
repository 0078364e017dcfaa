package io.providerkind.provider.kindcluster;

import java.time.Duration;

/**
 * Ends the observe of a cluster whose create kind reported Failed, so that the reconciler shows Synced=False
 * with kind's own words and what the provider does about them, and backs off before looking again.
 */
public final class FailedCreateException extends RuntimeException {

    private FailedCreateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** kindserver accepted the create again: it removes what the failed one left, then runs kind. */
    static FailedCreateException creatingAgain(String kindFailure, int attempt) {
        return new FailedCreateException(
                kindFailure + "; kindserver is creating it again (attempt " + attempt + ")", null);
    }

    static FailedCreateException creatingAgainIn(String kindFailure, int attempt, Duration in) {
        return new FailedCreateException(kindFailure + "; next attempt (" + attempt + ") in " + seconds(in), null);
    }

    static FailedCreateException cannotCreateAgain(String kindFailure, int attempt, KindServerFailure why) {
        return new FailedCreateException(
                kindFailure + "; creating it again (attempt " + attempt + ") failed: " + why.getMessage(), why);
    }

    /**
     * kindserver re-creates a failed cluster only with the config it failed with, and the provider would not
     * quietly swap it for another: a person decides.
     */
    static FailedCreateException configChanged(String kindFailure, String wantedHash, String failedHash) {
        return new FailedCreateException(
                kindFailure + "; it is not created again because spec.forProvider.kindConfig (sha256 "
                        + DriftDetector.abbreviated(wantedHash) + ") changed since that create (sha256 "
                        + DriftDetector.abbreviated(failedHash) + "): restore the kindConfig to create it "
                        + "again, or delete this KindCluster and apply it again to create it with the new one",
                null);
    }

    /** Whole seconds, rounded up: "in 0s" would read as "now" when it is not. */
    private static String seconds(Duration in) {
        long seconds = in.toSeconds() + (in.toNanosPart() > 0 ? 1 : 0);
        return seconds + "s";
    }
}
