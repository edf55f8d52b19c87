"""Reading YAML content files and collecting located problems."""

import re
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MERGE_TAG = "tag:yaml.org,2002:merge"


class ContentLoader(SafeLoader):
    """Safe YAML loading that refuses duplicate keys and keeps impossible dates as text."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping; a key given twice is an error at its line (YAML would keep the last)."""
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE_TAG:
                continue
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date, or the text itself when it is no real date (e.g. 2026-13-45)."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


ContentLoader.add_constructor("tag:yaml.org,2002:timestamp", ContentLoader.construct_yaml_timestamp)


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
        path = self.root / file
        try:
            with path.open(encoding="utf-8") as stream:
                return yaml.load(stream, Loader=ContentLoader)  # noqa: S506 - subclass of SafeLoader
        except FileNotFoundError:
            self.add(file, "", "file is missing")
        except yaml.YAMLError as error:
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
