# Reads one Kubernetes object in block-style YAML (busybox awk) and prints, per scalar,
#   <dotted path> TAB <value, JSON-escaped> TAB <str|number|bool>
# e.g. "metadata.name<TAB>local-registry-hosting<TAB>str". Knows block mappings nested by indentation,
# plain, 'single' and "double" quoted scalars, comments, and literal block scalars (| |- |+), which is
# what the manifests applied to a kind cluster use; anything else (flow collections, sequences, anchors,
# several documents) is refused with a message on stdout and exit status 1.

function esc(s) {
  gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s); gsub(/\n/, "\\n", s)
  return s
}
function fail(msg) { print "line " NR ": " msg; failed = 1; exit 1 }
function indent_of(s) { match(s, /^ */); return RLENGTH }
function path_at(depth,   p, i) { p = ""; for (i = 0; i <= depth; i++) p = p (i ? "." : "") keys[i]; return p }
function emit(path, raw,   v, t) {
  t = "str"
  if (raw ~ /^".*"$/) { v = substr(raw, 2, length(raw) - 2); gsub(/\\"/, "\"", v); gsub(/\\n/, "\n", v); gsub(/\\\\/, "\\", v) }
  else if (raw ~ /^'.*'$/) { v = substr(raw, 2, length(raw) - 2); gsub(/''/, "'", v) }
  else {
    v = raw
    if (v ~ /^[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/ || v ~ /^0x[0-9a-fA-F]+$/) t = "number"
    else if (v ~ /^(true|false|True|False|TRUE|FALSE)$/) t = "bool"
    else if (v ~ /^(~|null|Null|NULL)$/) v = ""
    else if (v ~ /^[\[{&*!|>@`]/ || v ~ /^- /) fail("the kind test double's kubectl reads block-style YAML only")
  }
  printf "%s\t%s\t%s\n", path, esc(v), t
}
function flush_block(   v, n) {
  v = block
  if (chomp == "-") sub(/\n+$/, "", v)
  else if (chomp == "") { sub(/\n+$/, "", v); if (block != "") v = v "\n" }
  printf "%s\t%s\tstr\n", blockpath, esc(v)
  inblock = 0
}
BEGIN { depth = -1; inblock = 0; docs = 0 }
{
  line = $0
  sub(/\r$/, "", line)
  if (inblock) {
    if (line ~ /^ *$/) { block = block (blockind ? substr(line, blockind + 1) : "") "\n"; next }
    ind = indent_of(line)
    if (blockind == 0) { if (ind <= blockparent) { flush_block() } else { blockind = ind } }
    if (inblock && ind >= blockind) { block = block substr(line, blockind + 1) "\n"; next }
    if (inblock) flush_block()
  }
  if (line ~ /^---/) { if (++docs > 1 || seen) fail("several documents: the kind test double's kubectl applies one object"); next }
  if (line ~ /^ *#/ || line ~ /^ *$/) next
  if (line ~ /^ *- /) fail("sequences are not supported by the kind test double's kubectl")
  ind = indent_of(line)
  rest = substr(line, ind + 1)
  if (!match(rest, /^("[^"]*"|'[^']*'|[^:#]+):( |$)/)) fail("could not find expected ':'")
  key = substr(rest, 1, RLENGTH)
  sub(/:( |)$/, "", key)
  if (key ~ /^".*"$/ || key ~ /^'.*'$/) key = substr(key, 2, length(key) - 2)
  value = substr(rest, RLENGTH + 1)
  if (value !~ /^["']/) sub(/[ \t]+#.*$/, "", value)
  sub(/^[ \t]+/, "", value); sub(/[ \t]+$/, "", value)
  while (depth >= 0 && ind <= indents[depth]) depth--
  depth++; indents[depth] = ind; keys[depth] = key
  seen = 1
  if (value ~ /^\|[-+]?$/) {
    inblock = 1; block = ""; chomp = substr(value, 2); blockpath = path_at(depth); blockind = 0; blockparent = ind
    next
  }
  if (value == "") next
  emit(path_at(depth), value)
}
END { if (failed) exit 1; if (inblock) flush_block() }
