package io.providerkind.provider;

import io.providerkind.provider.kindcluster.IdentityUnavailableException;
import java.util.ArrayList;
import java.util.List;

/** A failure to start as the one line the provider logs before it exits. */
final class StartFailures {

    private StartFailures() {}

    /**
     * The messages of {@code failure} and its causes, each said once, joined with ": " on one line. An
     * {@link IdentityUnavailableException} says what to repair in its own message, which is all of it.
     */
    static String oneLine(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
            if (t instanceof IdentityUnavailableException) {
                break;
            }
        }
        return String.join(": ", messages).replaceAll("\\s*\\R\\s*", " ");
    }
}
