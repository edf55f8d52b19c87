"""Spoken lists: how many items a listener must hold from one series in a sentence.

The rule, applied to plain speech (a heuristic, not a parser; tests show each case):

1. The text is cut into sentences (at . ! ? before a space or the end), then at colons,
   dashes and parentheses. Inside a part, semicolons separate groups; when the last group
   opens with "and" or "or" ("a, b; c or d; or e"), the groups form one list whose items are
   the items of every group added up (2 + 2 + 1 = 5 there); otherwise each group stands alone.
2. A group is cut at its commas into segments. An opening segment that is only a discourse
   marker ("For example,", "Right now,", "Okay,") or a subordinate clause ("If it spreads,")
   is dropped.
3. Segments run together into a series. A new series starts at a segment that opens with a
   preposition or "like" / "such as" after one that does not ("weakness on one side of your
   body, in your face, arm or leg": the series is "in your face, arm or leg"), with a clause
   word ("so", "but", "because", "which is"), or with a verb that is the predicate after a
   list ("..., can cause twitching"). A segment opening with "not" is a contrast, not an item.
4. A series becomes a list when it is closed by a conjunction:
   - a segment opening with "and" / "or" closes it, and is its last item ("a, b, c, or d":
     4 items; the closing item is not split again, so ", or numbness or tingling" is one);
     a further segment opening with the same conjunction adds an item ("a, or b, or c": 3),
     while "and" after an "or" list starts a new clause;
   - otherwise, when no later segment opens with a conjunction, a segment with "and" / "or"
     inside closes it and holds the last two items ("a, b and c": 3; "A or B" alone: 2; a
     segment holds one pair however many conjunctions it has, so "now and then, a nerve or
     muscle problem" without commas is 2); so does such a segment when the series is cut
     after it ("such as water pills, steroids and estrogen, can cause it, and so can ...": 3).
   Inner conjunctions of earlier items are not split ("coffee or energy drinks, sleep, or
   stress": 3). A series of commas with no conjunction is not counted.
"""

import re
from dataclasses import dataclass

CONJUNCTIONS = frozenset({"and", "or"})
MARKERS = frozenset(
    {
        "again",
        "all right",
        "alright",
        "also",
        "first",
        "for example",
        "for instance",
        "great",
        "lately",
        "meanwhile",
        "no",
        "now",
        "of course",
        "ok",
        "okay",
        "otherwise",
        "right now",
        "so",
        "sorry",
        "sure",
        "thanks",
        "then",
        "today",
        "usually",
        "well",
        "yes",
    }
)
"""Whole opening segments that introduce a sentence rather than list anything."""
SUBORDINATORS = frozenset(
    {"if", "when", "whenever", "while", "because", "since", "although", "though", "unless"}
    | {"once", "until", "as", "after", "before"}
)
CLAUSE_WORDS = frozenset({"so", "but", "yet", "because", "although", "though", "whereas"})
RELATIVES = frozenset({"which", "who"})
PREPOSITIONS = frozenset(
    {"about", "above", "across", "after", "against", "along", "among", "around", "at"}
    | {"before", "behind", "below", "beside", "between", "by", "during", "except", "for"}
    | {"from", "in", "including", "inside", "into", "like", "near", "of", "on", "onto"}
    | {"outside", "over", "since", "such", "through", "to", "toward", "towards", "under"}
    | {"until", "upon", "with", "within", "without", "especially", "mainly", "mostly"}
)
PREDICATES = frozenset(
    {"can", "could", "may", "might", "must", "shall", "should", "will", "would", "is", "are"}
    | {"was", "were", "do", "does", "did", "have", "has", "had", "needs", "need"}
)
"""Verbs that open a predicate: after a list ("a, b and c, can all ...") they end it."""
SENTENCE = re.compile(r"(?<=[.!?])\s+")
PART = re.compile("[:()]|\\s[-\u2013\u2014]\\s")
WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class SpokenList:
    """A list found in speech: how many items, and the sentence it is in."""

    items: int
    sentence: str


def spoken_lists(text: str) -> list[SpokenList]:
    """Every list of two or more items in a text, in order."""
    found: list[SpokenList] = []
    for sentence in SENTENCE.split(text.strip()):
        for part in PART.split(sentence):
            found += [SpokenList(n, sentence.strip()) for n in _part_lists(part)]
    return found


def longest_list(text: str) -> int:
    """The most items of any one list in the text (0 when there is none)."""
    return max((found.items for found in spoken_lists(text)), default=0)


def _words(segment: str) -> list[str]:
    return WORD.findall(segment.lower().replace("\u2019", "'"))


def _part_lists(part: str) -> list[int]:
    groups = [g for g in part.split(";") if _words(g)]
    if len(groups) > 1 and _words(groups[-1])[0] in CONJUNCTIONS:
        return [sum(max(_group_lists(g) or [1]) for g in groups)]
    return [n for group in groups for n in _group_lists(group)]


def _group_lists(group: str) -> list[int]:
    """Lists in a stretch of text without sentence, colon or semicolon breaks."""
    segments = [words for words in (_words(s) for s in group.split(",")) if words]
    while len(segments) > 1 and _introduces(segments[0], segments[1]):
        segments.pop(0)
    found: list[int] = []
    run: list[list[str]] = []
    closer: str | None = None
    for index, words in enumerate(segments):
        if words[0] in CONJUNCTIONS:
            if run:
                found.append(len(run) + 1)
                run, closer = [], words[0]
                continue
            if words[0] == closer:
                found[-1] += 1
                continue
            words = words[1:] or words
        closer = None
        if words[0] == "not" and run:
            continue
        if _starts_series(words, run):
            found += _cut(run)
            run = []
        later = any(s[0] in CONJUNCTIONS for s in segments[index + 1 :])
        if _joins(words) and not later:
            found.append(len(run) + 2)
            run = []
            continue
        run.append(words)
    return [n for n in found if n >= 2]


def _joins(words: list[str]) -> bool:
    """Whether a segment holds a conjunction after its first word (its last two items)."""
    return any(w in CONJUNCTIONS for w in words[1:])


def _cut(run: list[list[str]]) -> list[int]:
    """A series cut short by a new one: a list when its last segment holds a conjunction."""
    return [len(run) + 1] if run and _joins(run[-1]) else []


def _introduces(first: list[str], following: list[str]) -> bool:
    """Whether an opening segment is a marker or a subordinate clause, not a list item."""
    if first[0] in SUBORDINATORS:
        return True
    marker = " ".join(first) in MARKERS
    return marker and (len(first) > 1 or len(following) > 1)


def _starts_series(words: list[str], run: list[list[str]]) -> bool:
    """Whether a segment begins a new series rather than continuing the one before."""
    if words[0] in CLAUSE_WORDS or words[0] in PREDICATES:
        return True
    if words[0] in RELATIVES and len(words) > 1 and words[1] in PREDICATES:
        return True
    return words[0] in PREPOSITIONS and bool(run) and run[-1][0] not in PREPOSITIONS
