"""Size and depth limits for untrusted JSON, checked by an iterative walk (no recursion)."""

import math
import sys
from dataclasses import dataclass

SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON reader keeps exactly (and far below Python's digit limit)."""


@dataclass(frozen=True)
class Limits:
    """How large a parsed JSON value may be."""

    depth: int
    """Containers nested inside one another, the outermost counting as one."""
    items: int = sys.maxsize
    """Values in all, containers and scalars alike (dictionary keys not counted)."""
    chars: int = sys.maxsize
    """Characters of all strings and dictionary keys together."""
    text: int = sys.maxsize
    """Characters of the longest string or key."""


def within(value: object, limits: Limits) -> bool:
    """Whether a value is plain JSON (dict with string keys, list, str, finite float, int up
    to SAFE_INTEGER, bool, None) inside the limits. Any nesting is walked without recursion,
    and the walk stops at the first limit passed."""
    pending: list[tuple[object, int]] = [(value, 1)]
    items, chars = 1, 0
    while pending:
        node, depth = pending.pop()
        if isinstance(node, dict | list):
            items += len(node)
            if depth > limits.depth or items > limits.items:
                return False
            children = node.values() if isinstance(node, dict) else node
            for key in node if isinstance(node, dict) else ():
                if not isinstance(key, str) or len(key) > limits.text:
                    return False
                chars += len(key)
            pending.extend((child, depth + 1) for child in children)
        elif isinstance(node, str):
            if len(node) > limits.text:
                return False
            chars += len(node)
        elif not _scalar(node):
            return False
        if chars > limits.chars:
            return False
    return True


def _scalar(node: object) -> bool:
    if node is None or isinstance(node, bool):
        return True
    if isinstance(node, int):
        return -SAFE_INTEGER <= node <= SAFE_INTEGER
    return isinstance(node, float) and math.isfinite(node)
