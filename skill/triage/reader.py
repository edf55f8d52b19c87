"""Reading YAML content files and collecting located problems."""

import re
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class Problems:
    """Collects 'file: key.path: reason' messages instead of stopping at the first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.messages: list[str] = []
        self.unreadable: set[str] = set()

    def add(self, file: str, path: str, reason: str) -> None:
        """Record one problem (none more for a file that could not be read at all)."""
        if file not in self.unreadable:
            self.messages.append(f"{file}: {path or '(top)'}: {reason}")

    def reported(self, file: str, path: str) -> list[str]:
        """The reasons already recorded for one file and key path."""
        prefix = f"{file}: {path}: "
        return [m.removeprefix(prefix) for m in self.messages if m.startswith(prefix)]

    def read(self, file: str) -> Any:
        """The parsed YAML of a content file, or None with a problem recorded."""
        from skill.triage.yaml_file import YAMLError, parse  # YAML only when files are read

        path = self.root / file
        try:
            with path.open(encoding="utf-8") as stream:
                return parse(stream)
        except FileNotFoundError:
            self.add(file, "", "file is missing")
        except YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark is not None else ""
            self.add(file, where, f"not valid YAML ({getattr(error, 'problem', error)})")
        except (OSError, UnicodeDecodeError) as error:
            self.add(file, "", f"cannot be read ({error})")
        self.unreadable.add(file)
        return None


def field[T](
    problems: Problems,
    file: str,
    path: str,
    node: Any,
    key: str,
    kind: type[T],
    *,
    required: bool = True,
) -> T | None:
    """A key of a mapping, type-checked; None with a problem recorded if wrong."""
    if not isinstance(node, dict):
        problems.add(file, path, "expected a mapping")
        return None
    where = f"{path}.{key}" if path else key
    if key not in node:
        if required:
            problems.add(file, where, "is required")
        return None
    value = node[key]
    if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        problems.add(file, where, f"expected {kind.__name__}, got {type(value).__name__}")
        return None
    return value


def check_keys(problems: Problems, file: str, path: str, node: Any, allowed: set[str]) -> None:
    """Record every key of a mapping that is not one of the allowed ones."""
    if isinstance(node, dict):
        for key in node:
            if key not in allowed:
                where = f"{path}.{key}" if path else str(key)
                problems.add(file, where, f"unknown key (expected one of {sorted(allowed)})")


def check_id(problems: Problems, file: str, path: str, value: object, seen: set[str]) -> bool:
    """Check an id's form and that it was not seen before in the same list."""
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        problems.add(file, path, f"id {value!r} must be lower_snake_case")
        return False
    if value in seen:
        problems.add(file, path, f"duplicate id {value!r}")
        return False
    seen.add(value)
    return True
