package io.providerkind.install.launch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM took each class from, read off its {@code -Xlog:class+load} lines: the class-data archive, or a class
 * file it had to parse and verify (the jar's, or the JDK's modules'). Classes the JVM generates (lambdas, proxies) are
 * neither and not counted.
 *
 * @param archived     classes mapped from the archive
 * @param fromFiles    classes parsed from the jar or the JDK's modules, by package, the most first
 */
record ClassSources(int archived, Map<String, Integer> fromFiles) {

    private static final Pattern LOADED = Pattern.compile("\\[class,load] (\\S+) source: (.+)$");

    static ClassSources of(List<String> lines) {
        int archived = 0;
        Map<String, Integer> fromFiles = new TreeMap<>();
        for (String line : lines) {
            Matcher loaded = LOADED.matcher(line);
            if (!loaded.find()) {
                continue;
            }
            String source = loaded.group(2);
            if (source.startsWith("shared objects file")) {
                archived++;
            } else if (source.startsWith("jrt:/") || source.contains(".jar")) {
                fromFiles.merge(packageOf(loaded.group(1)), 1, Integer::sum);
            }
        }
        return new ClassSources(archived, fromFiles);
    }

    int parsed() {
        return fromFiles.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of the counted classes that came from the archive. */
    double archivedShare() {
        int all = archived + parsed();
        return all == 0 ? 0 : (double) archived / all;
    }

    /** The packages most classes were parsed from, for a message. */
    String mostParsed(int packages) {
        return fromFiles.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(packages)
                .map(e -> e.getKey() + " " + e.getValue())
                .toList()
                .toString();
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
