package io.providerkind.kindserver.kind;

/**
 * One line kind writes to stderr while it works. Without a terminal kind prints each status step twice:
 * {@code " • Preparing nodes 📦  ..."} when it starts and {@code " ✓ Preparing nodes 📦"} (or
 * {@code " ✗ ..."}) when it ends; a failure ends with {@code "ERROR: ..."} lines.
 */
public sealed interface KindOutputLine {

    record StepStarted(String text) implements KindOutputLine {}

    record StepSucceeded(String text) implements KindOutputLine {}

    record StepFailed(String text) implements KindOutputLine {}

    /** kind's own error text, e.g. {@code ERROR: failed to create cluster: ...}. */
    record Error(String text) implements KindOutputLine {}

    record Other(String text) implements KindOutputLine {}

    static KindOutputLine parse(String raw) {
        String line = clean(raw);
        String body = line.stripLeading();
        if (body.startsWith("ERROR:")) {
            return new Error(line.strip());
        }
        if (body.length() > 2 && body.charAt(1) == ' ') {
            String rest = body.substring(2);
            switch (body.charAt(0)) {
                case '•' -> {
                    return new StepStarted(stepText(rest));
                }
                case '✓' -> {
                    return new StepSucceeded(stepText(rest));
                }
                case '✗' -> {
                    return new StepFailed(stepText(rest));
                }
                default -> {
                    // not a status line
                }
            }
        }
        return new Other(line.strip());
    }

    /** Drops colour codes and what a spinner overwrote with carriage returns. */
    private static String clean(String raw) {
        String line = raw.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        int lastReturn = line.lastIndexOf('\r', line.length() - 2);
        return (lastReturn >= 0 ? line.substring(lastReturn + 1) : line).replace("\r", "");
    }

    /** "Preparing nodes 📦  ..." becomes "Preparing nodes": no trailing dots, emoji or spaces. */
    private static String stepText(String rest) {
        String text = rest.strip();
        if (text.endsWith("...")) {
            text = text.substring(0, text.length() - 3);
        }
        int end = text.length();
        while (end > 0) {
            int cp = text.codePointBefore(end);
            if (!Character.isWhitespace(cp) && !decoration(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    private static boolean decoration(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL
                || type == Character.NON_SPACING_MARK
                || type == Character.FORMAT
                || type == Character.ENCLOSING_MARK
                || codePoint == 0xFE0F
                || codePoint == 0x200D;
    }
}
