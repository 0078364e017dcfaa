package io.providerkind.kindserver.kind;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way kind's own loader sees it, with SnakeYAML's safe constructor: anchors, aliases and
 * merge keys are expanded (Jackson's YAML parser would turn an alias into a string and silently change
 * the config), duplicate keys are refused, and alias bombs and huge documents stop at fixed limits.
 * Date-like scalars stay strings, as they do once kind converts the config to JSON.
 *
 * <p>Each document is composed into SnakeYAML's node graph first and checked there ({@link YamlGraphCheck}):
 * an alias inside its own anchor would otherwise become a list or map that contains itself, which every
 * later walk of the config follows until the stack overflows, and an alias bomb would only blow up once
 * Jackson copies the built objects. Objects are built only from a graph that passed.
 */
final class YamlDocuments {

    private YamlDocuments() {}

    /** Every document of the text, as maps, lists and scalars, within {@link YamlLimits#KIND_CONFIG}. */
    static List<Object> load(String text) {
        return load(text, YamlLimits.KIND_CONFIG);
    }

    static List<Object> load(String text, YamlLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setCodePointLimit(limits.maxCharacters());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setAllowRecursiveKeys(false);
        PlainConstructor constructor = new PlainConstructor(options);
        Yaml yaml = new Yaml(
                constructor, new Representer(new DumperOptions()), new DumperOptions(), options, new NoTimestamps());
        YamlGraphCheck check = new YamlGraphCheck(limits);
        try {
            List<Object> documents = new ArrayList<>();
            for (Node document : yaml.composeAll(new StringReader(text))) {
                check.check(document);
                documents.add(constructor.build(document));
            }
            return documents;
        } catch (ReaderException e) {
            throw new InvalidRequestException(String.format(
                    "kindConfig holds U+%04X at character %d, which YAML text may not hold (a control character,"
                            + " a half surrogate pair or a non-character)",
                    e.getCodePoint(), e.getPosition()));
        } catch (MarkedYAMLException e) {
            throw new InvalidRequestException("kindConfig is not valid YAML: " + describe(e));
        } catch (YAMLException e) {
            // SnakeYAML's own limits (length, nesting, aliases) say which one in words of their own
            throw new InvalidRequestException("kindConfig cannot be read as YAML: " + oneLine(e.getMessage()));
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

    static String oneLine(String text) {
        String flat = text == null ? "unreadable" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** SafeConstructor building one composed, checked document (SnakeYAML keeps that step protected). */
    private static final class PlainConstructor extends SafeConstructor {

        PlainConstructor(LoaderOptions options) {
            super(options);
        }

        Object build(Node document) {
            return constructDocument(document);
        }
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
