package io.providerkind.provider.runtime;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations the way Crossplane providers' Go flags write them: {@code 1m}, {@code 30s},
 * {@code 500ms}, {@code 1h30m}. Java's ISO form ({@code PT1M}) is accepted too.
 */
public final class GoDuration implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.strip();
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        Matcher matcher = PART.matcher(text);
        int position = 0;
        double nanos = 0;
        while (matcher.find() && matcher.start() == position) {
            nanos += Double.parseDouble(matcher.group(1)) * unitNanos(matcher.group(2));
            position = matcher.end();
        }
        if (position == 0 || position != text.length()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write e.g. 1m, 30s, " + "500ms or 1h30m");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
