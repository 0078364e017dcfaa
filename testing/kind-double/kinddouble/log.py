"""kind's CLI logger and status lines as kind prints them when stderr is not a terminal.

kind (pkg/internal/cli) writes every info line to stderr with a trailing newline added when missing;
a status step is announced as " • <step>  ..." and closed with " ✓ <step>" or " ✗ <step>".
"""
import sys


class KindError(Exception):
    """An error as kind reports it: one message line, plus the output of a failed command if any."""

    def __init__(self, message, output=None):
        super().__init__(message)
        self.message = message
        self.output = output

    def wrap(self, prefix):
        return KindError(f"{prefix}: {self.message}", self.output)

    def __str__(self):
        return self.message


def go_quote(text):
    """Go's %q for the strings kind quotes (cluster names, paths, images)."""
    escaped = []
    for ch in text:
        if ch in ('"', "\\"):
            escaped.append("\\" + ch)
        elif ch == "\n":
            escaped.append("\\n")
        elif ch == "\t":
            escaped.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\x{ord(ch):02x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


class Logger:
    def __init__(self, quiet=False, verbosity=0, stream=None):
        self.quiet = quiet
        self.verbosity = verbosity
        self.stream = stream or sys.stderr

    def _write(self, message):
        if self.quiet:
            return
        if not message.endswith("\n"):
            message += "\n"
        self.stream.write(message)
        self.stream.flush()

    def info(self, message):
        self._write(message)

    def warn(self, message):
        self._write(message)

    def error_line(self, message):
        self._write(message)

    def error(self, err):
        """What kind's main prints for a failed command: the error, then any command output."""
        self._write(f"ERROR: {err.message}" if isinstance(err, KindError) else f"ERROR: {err}")
        output = getattr(err, "output", None)
        if output is not None:
            self._write("\nCommand Output: " + output)


class Status:
    def __init__(self, logger):
        self.logger = logger
        self.current = ""

    def start(self, status):
        self.end(True)
        self.current = status
        self.logger.info(f" • {status}  ...\n")

    def end(self, success):
        if not self.current:
            return
        mark = "✓" if success else "✗"
        self.logger.info(f" {mark} {self.current}\n")
        self.current = ""
