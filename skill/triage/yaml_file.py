"""Safe YAML parsing for content files: no duplicate keys, impossible dates kept as text."""

from typing import IO, Any

import yaml
from yaml import YAMLError

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

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


def parse(stream: IO[str]) -> Any:
    """The YAML document in a stream, read with ContentLoader (a SafeLoader)."""
    return yaml.load(stream, Loader=ContentLoader)  # noqa: S506 - a SafeLoader subclass


__all__ = ["ContentLoader", "YAMLError", "parse"]
