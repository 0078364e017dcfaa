package io.providerkind.kindserver.kind;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way kind's own loader sees it, with SnakeYAML's safe constructor: anchors, aliases and
 * merge keys are expanded (Jackson's YAML parser would turn an alias into a string and silently change
 * the config), duplicate keys are refused, and alias bombs and huge documents stop at fixed limits.
 * Date-like scalars stay strings, as they do once kind converts the config to JSON.
 */
final class YamlDocuments {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_CODE_POINTS = 1024 * 1024;

    private YamlDocuments() {}

    /** Every document of the text, as maps, lists and scalars. */
    static List<Object> load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new NoTimestamps());
        try {
            List<Object> documents = new ArrayList<>();
            for (Object document : yaml.loadAll(text)) {
                documents.add(document);
            }
            return documents;
        } catch (MarkedYAMLException e) {
            throw new InvalidRequestException("kindConfig is not valid YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new InvalidRequestException("kindConfig is not valid YAML: " + oneLine(e.getMessage()));
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        if (e.getContext() != null && !problem.contains(e.getContext())) {
            problem = oneLine(e.getContext()) + ": " + problem;
        }
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null
                ? problem
                : problem + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String oneLine(String text) {
        String flat = text == null ? "unreadable" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** YAML 1.1's implicit types but timestamps. */
    private static final class NoTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
