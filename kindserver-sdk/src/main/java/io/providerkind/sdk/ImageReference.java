package io.providerkind.sdk;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Docker's image reference grammar ({@code [host[:port]/]path[:tag][@digest]}, as distribution's reference package
 * states it and {@code docker tag}, {@code docker push} and {@code kind load docker-image} read it), so that kindserver
 * and its clients refuse the same malformed names, before anything runs.
 */
public final class ImageReference {

    /** distribution's limit on the name part (everything before the tag and digest). */
    public static final int MAX_NAME_LENGTH = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST =
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME =
            "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReference() {}

    /** Why {@code reference} is not a valid image reference, in words for people; empty when it is one. */
    public static Optional<String> problem(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.of(
                    "an image reference is empty; name an image of the Docker host, e.g. registry.example/app:1.2");
        }
        var match = REFERENCE.matcher(reference);
        if (!match.matches()) {
            String hint =
                    reference.chars().anyMatch(Character::isUpperCase) ? " (a repository name must be lowercase)" : "";
            return Optional.of("\"" + abbreviate(reference) + "\" is not a valid image reference" + hint
                    + ": docker's grammar is [host[:port]/]path[:tag][@digest], e.g. registry.example/app:1.2");
        }
        if (match.group(1).length() > MAX_NAME_LENGTH) {
            return Optional.of("\"" + abbreviate(reference) + "\" is not a valid image reference: its name is longer"
                    + " than " + MAX_NAME_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
