"""Command lines parsed as cobra + pflag parse kind's: subcommand lookup with flags stripped, GNU-style
flags anywhere (--name x, --name=x, -n x, -nx), and pflag's error texts."""
import csv
import re

from .log import KindError


class Flag:
    def __init__(self, name, kind, default, usage, short=None):
        self.name, self.kind, self.default, self.usage, self.short = name, kind, default, usage, short

    def display(self):
        return f"-{self.short}, --{self.name}" if self.short else f"--{self.name}"


class Command:
    def __init__(self, name, short, flags=(), subcommands=(), run=None, args="none"):
        self.name, self.short, self.flags, self.run, self.args = name, short, list(flags), run, args
        self.subcommands = list(subcommands)
        self.parent = None
        for sub in self.subcommands:
            sub.parent = self

    def path(self):
        return f"{self.parent.path()} {self.name}" if self.parent else self.name

    def root(self):
        return self.parent.root() if self.parent else self

    def all_flags(self):
        flags = list(self.flags) + [Flag("help", "bool", False, f"help for {self.name}", "h")]
        if self.parent:  # the root's flags are kind's persistent flags, but for cobra's --version
            flags += [f for f in self.root().flags if f.name != "version"]
        return flags

    def find(self, name):
        return next((c for c in self.subcommands if c.name == name), None)


_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}


def parse_duration(text):
    """Go's time.ParseDuration, in seconds."""
    quoted = '"' + text + '"'
    s, sign = text, 1
    if s and s[0] in "+-":
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    if s == "0":
        return 0.0
    if s == "":
        raise ValueError(f"time: invalid duration {quoted}")
    total = 0.0
    while s:
        number = re.match(r"([0-9]*)(\.([0-9]*))?", s)
        whole, frac = number.group(1), number.group(3)
        if not whole and not frac:
            raise ValueError(f"time: invalid duration {quoted}")
        s = s[number.end():]
        unit = re.match(r"[^0-9.]*", s).group(0)
        if not unit:
            raise ValueError(f"time: missing unit in duration {quoted}")
        if unit not in _UNITS:
            raise ValueError(f'time: unknown unit "{unit}" in duration {quoted}')
        total += float(f"{whole or 0}.{frac or 0}") * _UNITS[unit]
        s = s[len(unit):]
    return sign * total


def _convert(flag, raw):
    try:
        if flag.kind == "bool":
            table = {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True,
                     "0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}
            if raw not in table:
                raise ValueError(f'strconv.ParseBool: parsing "{raw}": invalid syntax')
            return table[raw]
        if flag.kind == "int32":
            if not re.fullmatch(r"[-+]?[0-9]+", raw):
                raise ValueError(f'strconv.ParseInt: parsing "{raw}": invalid syntax')
            value = int(raw)
            if not -2**31 <= value < 2**31:
                raise ValueError(f'strconv.ParseInt: parsing "{raw}": value out of range')
            return value
        if flag.kind == "duration":
            return parse_duration(raw)
        return raw
    except ValueError as err:
        raise KindError(f'invalid argument "{raw}" for "{flag.display()}" flag: {err}')


def _csv(raw):
    """pflag's readAsCSV: one CSV record; an empty value is no element."""
    return [] if raw == "" else next(csv.reader([raw]))


def _strip_flags(args, flags):
    """cobra's stripFlags: the words left when flags (and the values they seem to take) are removed."""
    bools = {f.name for f in flags if f.kind == "bool"}
    short_bools = {f.short for f in flags if f.kind == "bool" and f.short}
    words, rest = [], list(args)
    while rest:
        s = rest.pop(0)
        if s == "--":
            break
        takes_value = (s.startswith("--") and "=" not in s and s[2:] not in bools) or \
                      (s.startswith("-") and not s.startswith("--") and "=" not in s and len(s) == 2
                       and s[1:] not in short_bools)
        if takes_value:
            if len(rest) <= 1:
                break
            rest.pop(0)
        elif s and not s.startswith("-"):
            words.append(s)
    return words


def find_command(root, args):
    """cobra's Find: the deepest subcommand named by the words of args, and args without those words."""
    command, args = root, list(args)
    while True:
        words = _strip_flags(args, command.all_flags())
        sub = command.find(words[0]) if words else None
        if sub is None:
            return command, args
        args.remove(words[0])
        command = sub


def parse_flags(command, args):
    """pflag's Parse: ({flag name: value}, set of names given, positional args)."""
    flags = command.all_flags()
    by_name = {f.name: f for f in flags}
    by_short = {f.short: f for f in flags if f.short}
    values = {f.name: f.default for f in flags}
    changed, positional, i = set(), [], 0

    def assign(flag, raw):
        if flag.kind == "stringSlice":  # pflag: CSV values, the first use replaces the default, later ones append
            values[flag.name] = (values[flag.name] if flag.name in changed else []) + _csv(raw)
        else:
            values[flag.name] = _convert(flag, raw)
        changed.add(flag.name)

    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            positional += args[i:]
            break
        if arg.startswith("--"):
            name, eq, raw = arg[2:].partition("=")
            if not name or name.startswith("-") or name.startswith("="):
                raise KindError(f"bad flag syntax: {arg}")
            flag = by_name.get(name)
            if flag is None:
                raise KindError(f"unknown flag: --{name}")
            if eq:
                assign(flag, raw)
            elif flag.kind == "bool":
                assign(flag, "true")
            elif i < len(args):
                assign(flag, args[i])
                i += 1
            else:
                raise KindError(f"flag needs an argument: {arg}")
        elif arg.startswith("-") and len(arg) > 1:
            shorthands = arg[1:]
            while shorthands:
                flag = by_short.get(shorthands[0])
                if flag is None:
                    raise KindError(f"unknown shorthand flag: '{shorthands[0]}' in -{shorthands}")
                if len(shorthands) > 2 and shorthands[1] == "=":
                    assign(flag, shorthands[2:])
                    break
                if flag.kind == "bool":
                    assign(flag, "true")
                    shorthands = shorthands[1:]
                elif len(shorthands) > 1:
                    assign(flag, shorthands[1:])
                    break
                elif i < len(args):
                    assign(flag, args[i])
                    i += 1
                    break
                else:
                    raise KindError(f"flag needs an argument: '{shorthands[0]}' in -{shorthands}")
        else:
            positional.append(arg)
    return values, changed, positional


def usage(command):
    """A help text in cobra's layout."""
    lines = [command.short, "", "Usage:"]
    if command.run:
        lines.append(f"  {command.path()} [flags]")
    if command.subcommands:
        lines.append(f"  {command.path()} [command]")
        lines += ["", "Available Commands:"]
        lines += [f"  {c.name:<12} {c.short}" for c in command.subcommands]
    persistent = [f for f in command.root().flags if f.name != "version"]
    local = [f for f in command.all_flags() if f not in persistent or command.parent is None]
    lines += ["", "Flags:"] + [_flag_line(f) for f in local]
    if command.parent:
        lines += ["", "Global Flags:"] + [_flag_line(f) for f in persistent]
    if command.subcommands:
        lines += ["", f'Use "{command.path()} [command] --help" for more information about a command.']
    return "\n".join(lines) + "\n"


def _flag_line(flag):
    head = f"-{flag.short}, --{flag.name}" if flag.short else f"    --{flag.name}"
    kind = "" if flag.kind == "bool" else " strings" if flag.kind == "stringSlice" else f" {flag.kind}"
    return f"  {head + kind:<26} {flag.usage}"
