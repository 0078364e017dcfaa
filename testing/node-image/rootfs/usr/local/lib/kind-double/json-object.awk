# Reads one Kubernetes object as JSON (busybox awk) and prints what yaml-object.awk prints, per scalar:
#   <dotted path> TAB <value, JSON-escaped> TAB <str|number|bool>
# Strings keep their JSON escapes (they are printed JSON-escaped anyway); arrays are read and skipped
# (a ConfigMap has none that the stand-ins keep). Malformed input: a message on stdout, exit status 1.

function fail(msg) { print "invalid JSON: " msg " at offset " pos; failed = 1; exit 1 }
function ws() { while (pos <= len && index(" \t\r\n", substr(text, pos, 1)) > 0) pos++ }
function peek() { ws(); return substr(text, pos, 1) }
function expect(c) { if (peek() != c) fail("expected '" c "'"); pos++ }
function str(   start, c) {
  expect("\"")
  start = pos
  while (pos <= len) {
    c = substr(text, pos, 1)
    if (c == "\\") { pos += 2; continue }
    if (c == "\"") { pos++; return substr(text, start, pos - 1 - start) }
    pos++
  }
  fail("unterminated string")
}
function value(path,   c, v) {
  c = peek()
  if (c == "{") { object(path); return }
  if (c == "[") { array(); return }
  if (c == "\"") { v = str(); if (!quiet) printf "%s\t%s\tstr\n", path, v; return }
  if (match(substr(text, pos), /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/)) { pos += RLENGTH; if (!quiet) printf "%s\t%s\tnumber\n", path, "n"; return }
  if (substr(text, pos, 4) == "true") { pos += 4; if (!quiet) printf "%s\ttrue\tbool\n", path; return }
  if (substr(text, pos, 5) == "false") { pos += 5; if (!quiet) printf "%s\tfalse\tbool\n", path; return }
  if (substr(text, pos, 4) == "null") { pos += 4; if (!quiet) printf "%s\t\tstr\n", path; return }
  fail("unexpected character")
}
function object(path,   key) {
  expect("{")
  if (peek() == "}") { pos++; return }
  while (1) {
    key = str()
    expect(":")
    value(path == "" ? key : path "." key)
    if (peek() == ",") { pos++; continue }
    expect("}")
    return
  }
}
function array() {
  expect("[")
  quiet++
  if (peek() == "]") { pos++; quiet--; return }
  while (1) {
    value("")
    if (peek() == ",") { pos++; continue }
    expect("]")
    quiet--
    return
  }
}
{ text = text $0 "\n" }
END {
  len = length(text); pos = 1
  if (peek() != "{") fail("an object is expected")
  object("")
  if (failed) exit 1
  if (peek() != "") fail("one object is expected")
}
