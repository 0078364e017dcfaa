"""containerdConfigPatches, applied as kind v0.24.0 applies them (pkg/internal/patch/toml.go).

kind reads each node's /etc/containerd/config.toml, turns it into JSON, applies every
`containerdConfigPatches` entry as a JSON merge patch (RFC 7386) of the TOML turned into JSON, then
every `containerdConfigPatchesJSON6902` entry as a JSON patch (RFC 6902, given as JSON text), and writes
the result back with BurntSushi/toml's encoder: comments are gone, keys are sorted, plain keys come
before sub-tables, each table level is indented by two spaces. Python's tomllib stands in for go-toml
when reading, so the text of a TOML syntax error differs from kind's.
"""
import json
import re
import tomllib

from .log import KindError

CONFIG_PATH = "/etc/containerd/config.toml"
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def patch(text, merge_patches, json6902_patches):
    try:
        document = tomllib.loads(text)
        for merge in merge_patches:
            document = merge_patch(document, tomllib.loads(merge))
    except tomllib.TOMLDecodeError as err:
        raise KindError(str(err))
    for raw in json6902_patches:
        try:
            operations = json.loads(raw)
        except ValueError as err:
            raise KindError(f"invalid character in JSON patch: {err}")
        if not isinstance(operations, list):
            raise KindError("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        for operation in operations:
            document = _apply(document, operation)
    return encode(document)


def merge_patch(target, patch_value):
    """RFC 7386: objects merge key by key, null removes a key, anything else replaces."""
    if not isinstance(patch_value, dict):
        return patch_value
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch_value.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _pointer(path):
    if path == "":
        return []
    if not path.startswith("/"):
        raise KindError(f"invalid JSON pointer {json.dumps(path)}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _parent(document, parts, path):
    node = document
    for part in parts[:-1]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise KindError(f"doc is missing path: {json.dumps(path)}: missing value")
    return node


def _get(document, path):
    parts = _pointer(path)
    if not parts:
        return document
    parent, last = _parent(document, parts, path), parts[-1]
    if isinstance(parent, dict) and last in parent:
        return parent[last]
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        return parent[int(last)]
    raise KindError(f"doc is missing path: {json.dumps(path)}: missing value")


def _remove(document, path):
    parts = _pointer(path)
    value = _get(document, path)
    parent, last = _parent(document, parts, path), parts[-1]
    if isinstance(parent, dict):
        del parent[last]
    else:
        del parent[int(last)]
    return value


def _add(document, path, value):
    parts = _pointer(path)
    if not parts:
        return value
    parent, last = _parent(document, parts, path), parts[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list) and (last == "-" or (last.isdigit() and int(last) <= len(parent))):
        parent.insert(len(parent) if last == "-" else int(last), value)
    else:
        raise KindError(f"add operation does not apply: doc is missing path: {json.dumps(path)}: missing value")
    return document


def _apply(document, operation):
    op, path = operation.get("op"), operation.get("path", "")
    if op == "add":
        return _add(document, path, operation.get("value"))
    if op == "remove":
        _remove(document, path)
        return document
    if op == "replace":
        _get(document, path)
        if not _pointer(path):
            return operation.get("value")
        _remove(document, path)
        return _add(document, path, operation.get("value"))
    if op in ("move", "copy"):
        value = _remove(document, operation.get("from", "")) if op == "move" else \
            json.loads(json.dumps(_get(document, operation.get("from", ""))))
        return _add(document, path, value)
    if op == "test":
        if _get(document, path) != operation.get("value"):
            raise KindError(f"testing value {json.dumps(path)} failed: test failed")
        return document
    raise KindError(f"Unexpected kind: {op}")


# -- BurntSushi/toml's encoder, for the value kinds a containerd config holds ----------------------------

def encode(document):
    out = []
    _table(out, [], document)
    return "".join(out)


def _is_table(value):
    return isinstance(value, dict) or (isinstance(value, list) and value and all(isinstance(v, dict) for v in value))


def _key(part):
    return part if _BARE_KEY.match(part) else _string(part)


def _table(out, path, table):
    direct = sorted(k for k, v in table.items() if not _is_table(v) and v is not None)
    sub = sorted(k for k, v in table.items() if _is_table(v))
    for key in direct:
        out.append(f"{'  ' * len(path) if path else ''}{_key(key)} = {_value(table[key])}\n")
    for key in sub:
        child, value = [*path, key], table[key]
        header = ".".join(_key(p) for p in child)
        if isinstance(value, dict):
            if len(child) == 1 and out:
                out.append("\n")
            out.append(f"{'  ' * (len(child) - 1)}[{header}]\n")
            _table(out, child, value)
        else:
            for element in value:
                if len(child) == 1 and out:
                    out.append("\n")
                out.append(f"{'  ' * (len(child) - 1)}[[{header}]]\n")
                _table(out, child, element)


def _string(text):
    escaped = []
    for ch in text:
        if ch in '"\\':
            escaped.append("\\" + ch)
        elif ch == "\n":
            escaped.append("\\n")
        elif ch == "\t":
            escaped.append("\\t")
        elif ch == "\r":
            escaped.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04X}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def _value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table inside an array of plain values
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in sorted(value.items())) + "}"
    return _string(str(value))
