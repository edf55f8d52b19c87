"""The iterative JSON limits: depth, counts, string sizes and plain JSON types."""

import math

import pytest

from skill.alexa.bounds import SAFE_INTEGER, Limits, within


def nested(depth, kind, leaf):
    """A leaf inside `depth` levels of dicts, lists, or both in turn."""
    value = leaf
    for level in range(depth):
        value = [value] if kind == "list" or (kind == "mixed" and level % 2) else {"a": value}
    return value


@pytest.mark.parametrize("kind", ["dict", "list", "mixed"])
def test_depth_counts_containers_and_any_nesting_is_walked_without_recursion(kind):
    limits = Limits(depth=3)
    assert within(nested(3, kind, "leaf"), limits)
    assert not within(nested(4, kind, "leaf"), limits)
    assert not within(nested(100_000, kind, "leaf"), limits)
    assert within(nested(100_000, kind, "leaf"), Limits(depth=100_000))


def test_items_count_every_value_and_stop_a_long_list_before_it_is_walked():
    assert within([1, [2, 3]], Limits(depth=2, items=5))
    assert not within([1, [2, 3]], Limits(depth=2, items=4))
    assert not within([0] * 1_000_000, Limits(depth=1, items=100))


def test_characters_of_strings_and_keys_are_counted_in_all_and_one_by_one():
    assert within({"ab": "cd"}, Limits(depth=1, chars=4, text=2))
    assert not within({"ab": "cd"}, Limits(depth=1, chars=3))
    assert not within({"abc": ""}, Limits(depth=1, text=2))
    assert not within(["abc"], Limits(depth=1, text=2))


NOT_PLAIN_JSON = {
    "int key": {1: "a"},
    "tuple": ("a",),
    "set": {"a"},
    "bytes": b"a",
    "object": object(),
    "nan": math.nan,
    "infinity": math.inf,
    "unsafe integer": SAFE_INTEGER + 1,
    "unsafe negative integer": -SAFE_INTEGER - 1,
    "5000 digits": 10**5000,
}


@pytest.mark.parametrize("value", NOT_PLAIN_JSON.values(), ids=NOT_PLAIN_JSON.keys())
def test_anything_but_plain_json_is_out_of_bounds(value):
    assert not within({"a": [value]}, Limits(depth=3))


@pytest.mark.parametrize("value", [None, True, 0, SAFE_INTEGER, -1.5, "", {}, []])
def test_plain_json_scalars_and_empty_containers_are_within_bounds(value):
    assert within({"a": [value]}, Limits(depth=3))
