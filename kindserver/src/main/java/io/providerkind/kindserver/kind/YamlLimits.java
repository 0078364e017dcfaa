package io.providerkind.kindserver.kind;

/**
 * How much YAML kindserver reads for one kind config. A kind config is a few hundred values a few levels deep;
 * the limits leave room for many times that and stop what only an attack needs.
 *
 * @param maxCharacters characters of the text, and of all its scalars once aliases are expanded
 * @param maxValues     scalars, lists and mappings once aliases are expanded
 * @param maxDepth      levels of lists and mappings, in the text and once aliases are expanded
 * @param maxAliases    aliases of lists and mappings (SnakeYAML's own count, stopping bombs while they are read)
 */
record YamlLimits(int maxCharacters, int maxValues, int maxDepth, int maxAliases) {

    static final YamlLimits KIND_CONFIG = new YamlLimits(1024 * 1024, 100_000, 50, 50);
}
