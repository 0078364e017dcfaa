"""Strict decoding of a YAML document into kind's v1alpha4 Go types, with gopkg.in/yaml.v3's errors.

kind decodes its config with yaml.v3 and KnownFields(true), so an unknown key or a wrong type fails
with messages like `yaml: unmarshal errors:\n  line 3: field foo not found in type v1alpha4.Cluster`.
PyYAML composes the node tree (with line numbers); this module applies yaml.v3's rules to it.
"""
import re

import yaml

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_BOOL_11 = {**{k: True for k in ("y", "Y", "yes", "Yes", "YES", "on", "On", "ON")},
            **{k: False for k in ("n", "N", "no", "No", "NO", "off", "Off", "OFF")}}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$|^0x[0-9a-fA-F_]+$|^0o[0-7_]+$|^0b[01_]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")


class Struct:
    def __init__(self, go_name, fields):
        self.go_name = go_name
        self.fields = fields  # yaml key -> type


class Seq:
    def __init__(self, elem):
        self.elem = elem
        self.go_name = "[]" + elem_name(elem)


class Map:
    def __init__(self, value):
        self.value = value
        self.go_name = "map[string]" + elem_name(value)


def elem_name(t):
    return t if isinstance(t, str) else t.go_name


class Scalar:
    """A Go string/int32/bool (possibly a named string type such as v1alpha4.NodeRole)."""

    def __init__(self, kind, go_name=None):
        self.kind = kind
        self.go_name = go_name or kind


STRING, INT32, BOOL = Scalar("string"), Scalar("int32"), Scalar("bool")


def _resolve(node):
    """yaml.v3's (YAML 1.2 core) tag of a scalar node, and its value."""
    text = node.value
    if node.style is not None:  # quoted or block scalars are strings
        return "!!str", text
    if text in _NULL:
        return "!!null", None
    if text in _BOOL:
        return "!!bool", _BOOL[text]
    if _INT.match(text):
        return "!!int", int(text.replace("_", ""), 0)
    if _FLOAT.match(text) or text.lower() in (".inf", "-.inf", "+.inf", ".nan"):
        return "!!float", text
    return "!!str", text


def _short_tag(node):
    if isinstance(node, yaml.MappingNode):
        return "!!map"
    if isinstance(node, yaml.SequenceNode):
        return "!!seq"
    return _resolve(node)[0]


class Decoder:
    def __init__(self):
        self.errors = []

    def fail(self, node, go_name):
        value = ""
        if isinstance(node, yaml.ScalarNode):
            text = node.value
            value = " `" + (text[:7] + "..." if len(text) > 10 else text) + "`"
        self.errors.append(f"line {node.start_mark.line + 1}: cannot unmarshal {_short_tag(node)}{value} into {go_name}")
        return None

    def decode(self, node, t):
        if isinstance(node, yaml.ScalarNode) and _resolve(node)[0] == "!!null":
            return None
        if isinstance(t, Struct):
            return self._struct(node, t)
        if isinstance(t, Seq):
            if not isinstance(node, yaml.SequenceNode):
                return self.fail(node, t.go_name)
            return [self.decode(item, t.elem) for item in node.value]
        if isinstance(t, Map):
            if not isinstance(node, yaml.MappingNode):
                return self.fail(node, t.go_name)
            return {k.value: self.decode(v, t.value) for k, v in node.value}
        return self._scalar(node, t)

    def _struct(self, node, t):
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, t.go_name)
        out, seen = {}, {}
        for key, value in node.value:
            name = key.value
            if name in seen:
                self.errors.append(f"line {key.start_mark.line + 1}: mapping key {_quote(name)} "
                                   f"already defined at line {seen[name]}")
                continue
            seen[name] = key.start_mark.line + 1
            if name not in t.fields:
                self.errors.append(f"line {key.start_mark.line + 1}: field {name} not found in type {t.go_name}")
                continue
            decoded = self.decode(value, t.fields[name])
            if decoded is not None:
                out[name] = decoded
        return out

    def _scalar(self, node, t):
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(node, t.go_name)
        tag, value = _resolve(node)
        if t.kind == "string":
            return node.value
        if t.kind == "bool":
            if tag == "!!bool":
                return value
            if tag == "!!str" and node.value in _BOOL_11:
                return _BOOL_11[node.value]
            return self.fail(node, t.go_name)
        if t.kind == "int32":
            if tag == "!!int" and -2**31 <= value < 2**31:
                return value
            if tag == "!!float":
                try:
                    number = float(node.value.replace("_", ""))
                except ValueError:
                    number = None
                if number is not None and number.is_integer() and -2**31 <= number < 2**31:
                    return int(number)
            return self.fail(node, t.go_name)
        raise AssertionError(t.kind)


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class YAMLError(Exception):
    pass


# PyYAML's wording of common syntax problems, as libyaml (and so yaml.v3) words them
_SYNTAX = {
    "mapping values are not allowed here": "mapping values are not allowed in this context",
    "found character '\\t' that cannot start any token": "found character that cannot start any token",
    "found undefined alias": "unknown anchor referenced",
}


def compose(raw):
    """The first document's root node (None when empty), or YAMLError worded as yaml.v3 words it."""
    try:
        documents = list(yaml.compose_all(raw, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = _SYNTAX.get(err.problem, err.problem) if err.problem else str(err)
        problem = re.sub(r"found character '.' that cannot start any token", _SYNTAX[
            "found character '\\t' that cannot start any token"], problem)
        line = mark.line + 1 if mark else 1
        raise YAMLError(f"yaml: line {line}: {problem}") from None
    except yaml.YAMLError as err:
        raise YAMLError(f"yaml: {err}") from None
    return documents[0] if documents else None


def unmarshal(root, t):
    """Decodes the composed root into type t; raises YAMLError with yaml.v3's unmarshal errors."""
    decoder = Decoder()
    value = decoder.decode(root, t) if root is not None else None
    if decoder.errors:
        raise YAMLError("yaml: unmarshal errors:\n  " + "\n  ".join(decoder.errors))
    return value
