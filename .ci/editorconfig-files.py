"""Every tracked text file follows what .editorconfig sets for it: charset, end_of_line, insert_final_newline,
trim_trailing_whitespace and indent_style = space (no tab at a line's start). Run from the repository's root; prints
the first offending line of each rule a file breaks and exits 1. `dotnet format` checks the C# further (indent
sizes, braces, code style): .ci/editorconfig runs both.
"""
import os
import subprocess
import sys

from editorconfig import get_properties


def problems(path, data, props):
    """What in this file does not follow its properties, as (line number, text) pairs."""
    found = []
    charset = props.get("charset")
    if charset in ("utf-8", "utf-8-bom"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            found.append((data[: e.start].count(b"\n") + 1, "not UTF-8 (charset = utf-8)"))
        if charset == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            found.append((1, "starts with a byte-order mark (charset = utf-8)"))
    lines = data.split(b"\n")
    eol = props.get("end_of_line")
    if eol == "lf":
        at = next((i for i, line in enumerate(lines) if line.endswith(b"\r")), None)
        if at is not None:
            found.append((at + 1, "ends with CRLF (end_of_line = lf)"))
    elif eol == "crlf":
        at = next((i for i, line in enumerate(lines[:-1]) if not line.endswith(b"\r")), None)
        if at is not None:
            found.append((at + 1, "ends with LF alone (end_of_line = crlf)"))
    if props.get("insert_final_newline") == "true" and data and not data.endswith(b"\n"):
        found.append((len(lines), "no newline at the end (insert_final_newline = true)"))
    if props.get("trim_trailing_whitespace") == "true":
        at = next((i for i, line in enumerate(lines) if line.rstrip(b"\r") != line.rstrip(b"\r").rstrip(b" \t")), None)
        if at is not None:
            found.append((at + 1, "trailing whitespace (trim_trailing_whitespace = true)"))
    if props.get("indent_style") == "space":
        at = next((i for i, line in enumerate(lines) if line.startswith(b"\t")), None)
        if at is not None:
            found.append((at + 1, "indented with a tab (indent_style = space)"))
    return found


def main():
    names = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    failures = 0
    for name in filter(None, names):
        path = os.path.abspath(name)
        if not os.path.isfile(path):
            continue  # deleted in the work tree
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data[:8000]:
            continue  # binary: .editorconfig's rules are for text
        for line, text in problems(path, data, get_properties(path)):
            print(f"{name}:{line}: {text}")
            failures += 1
    if failures:
        print(f"{failures} place(s) do not follow .editorconfig", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
