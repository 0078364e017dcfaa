package io.providerkind.kindserver.kind;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks the node graph SnakeYAML composed from a config before any object is built from it. An alias is
 * the very node of its anchor, so the graph is small while what it stands for (what Jackson and kind see
 * once it is expanded) can be exponentially larger, an alias bomb, or endless, when an alias sits inside
 * its own anchor. Each node is measured once and its measure reused wherever an alias repeats it, so the
 * check costs as much as the text, never as much as the expansion. One instance checks one stream.
 */
final class YamlGraphCheck {

    /** Tags a kind config can hold: what kind's own YAML-to-JSON reading makes of a plain document. */
    private static final Set<Tag> PLAIN = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    private final YamlLimits limits;
    private final Map<Node, Size> measured = new IdentityHashMap<>();
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private long values;
    private long characters;

    YamlGraphCheck(YamlLimits limits) {
        this.limits = limits;
    }

    /** Checks one document; the limits on values and characters hold for all documents of the stream together. */
    void check(Node document) {
        Size size = measure(document, 1);
        values = countValues(values, size.values());
        characters = countCharacters(characters, size.characters());
    }

    private Size measure(Node node, int depth) {
        if (open.contains(node)) {
            throw new InvalidRequestException("kindConfig is not valid for kind: " + named(node)
                    + " holds an alias of itself, a structure that repeats forever");
        }
        Size known = measured.get(node);
        if (known == null) {
            if (depth > limits.maxDepth()) {
                throw tooDeep();
            }
            open.add(node);
            known = measureNew(node, depth);
            open.remove(node);
            measured.put(node, known);
        }
        if (depth - 1 + known.height() > limits.maxDepth()) {
            throw tooDeep();
        }
        return known;
    }

    private Size measureNew(Node node, int depth) {
        checkTag(node);
        if (node instanceof ScalarNode scalar) {
            checkCharacters(scalar);
            return new Size(1, scalar.getValue().length(), 1);
        }
        Size size = new Size(1, 0, 1);
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = size.with(measure(item, depth + 1));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                size = size.with(measure(entry.getKeyNode(), depth + 1)).with(measure(entry.getValueNode(), depth + 1));
            }
        }
        countValues(0, size.values());
        countCharacters(0, size.characters());
        return size;
    }

    private long countValues(long before, long more) {
        long total = before + more;
        if (total > limits.maxValues()) {
            throw new InvalidRequestException("kindConfig has more than " + limits.maxValues()
                    + " values once its aliases are expanded; a kind config has a few hundred");
        }
        return total;
    }

    private long countCharacters(long before, long more) {
        long total = before + more;
        if (total > limits.maxCharacters()) {
            throw new InvalidRequestException("kindConfig has more than " + limits.maxCharacters()
                    + " characters of text once its aliases are expanded");
        }
        return total;
    }

    private InvalidRequestException tooDeep() {
        return new InvalidRequestException("kindConfig nests deeper than " + limits.maxDepth()
                + " levels once its aliases are expanded; a kind config nests a few levels");
    }

    private static void checkTag(Node node) {
        Tag tag = node.getTag();
        // the merge key "<<" is the one non-plain scalar kind reads (as YAML 1.1 merges)
        if (PLAIN.contains(tag) || (tag.equals(Tag.MERGE) && node instanceof ScalarNode)) {
            return;
        }
        String shown = tag.getValue().startsWith(Tag.PREFIX)
                ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
                : tag.getValue();
        throw new InvalidRequestException("kindConfig uses the YAML tag " + YamlDocuments.oneLine(shown) + at(node)
                + "; a kind config holds only plain mappings, lists, strings, numbers and booleans");
    }

    /**
     * Characters that escapes like {@code "\0"} or {@code "\ud800"} can put into a value although the text itself
     * may not hold them: control characters, which no kind setting takes, and half surrogate pairs, which
     * are not text at all and cannot be written back for kind.
     */
    private static void checkCharacters(ScalarNode scalar) {
        String value = scalar.getValue();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean halfPair = Character.isBmpCodePoint(c) && Character.isSurrogate((char) c);
            if (control || halfPair) {
                throw new InvalidRequestException(String.format(
                        "kindConfig holds U+%04X, %s, in a value%s; kind cannot take it",
                        c, control ? "a control character" : "half of a UTF-16 surrogate pair", at(scalar)));
            }
            i += Character.charCount(c);
        }
    }

    private static String named(Node node) {
        String anchor = node.getAnchor() == null ? "a node" : "the anchor &" + YamlDocuments.oneLine(node.getAnchor());
        return anchor + at(node);
    }

    private static String at(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    /** What a node stands for once its aliases are expanded: values, characters of its scalars, and depth. */
    private record Size(long values, long characters, int height) {

        Size with(Size child) {
            return new Size(values + child.values, characters + child.characters, Math.max(height, child.height + 1));
        }
    }
}
