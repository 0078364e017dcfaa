package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an API server dropped or changed from an object it accepted. A 1.20 server accepts unknown fields
 * and prunes them silently, so a misspelt or misplaced field shows only here: every field sent must come
 * back with the same value (the server may add defaults and metadata, which is fine).
 */
final class LostFields {

    private LostFields() {}

    static List<String> between(JsonNode sent, JsonNode returned) {
        List<String> lost = new ArrayList<>();
        compare("", sent, returned, lost);
        return lost;
    }

    private static void compare(String path, JsonNode sent, JsonNode returned, List<String> lost) {
        if (returned == null || returned.isMissingNode()) {
            lost.add(path + " (pruned: not in the schema)");
        } else if (sent.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "." + field.getKey(), field.getValue(), returned.get(field.getKey()), lost);
            }
        } else if (sent.isArray()) {
            if (!returned.isArray() || returned.size() != sent.size()) {
                lost.add(path + " (list changed: sent " + sent.size() + " items, got " + returned + ")");
                return;
            }
            for (int i = 0; i < sent.size(); i++) {
                compare(path + "[" + i + "]", sent.get(i), returned.get(i), lost);
            }
        } else if (!sameScalar(sent, returned)) {
            lost.add(path + " (sent " + sent + ", got " + returned + ")");
        }
    }

    private static boolean sameScalar(JsonNode sent, JsonNode returned) {
        if (sent.isNumber() && returned.isNumber()) {
            return sent.decimalValue().compareTo(returned.decimalValue()) == 0;
        }
        return sent.equals(returned);
    }
}
