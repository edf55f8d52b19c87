"""NegEx-style scopes: which found phrases are negated, uncertain, hypothetical or past."""

from dataclasses import dataclass
from enum import StrEnum

from skill.understanding.lexicon import Lexicon
from skill.understanding.matching import Match, find_words
from skill.understanding.text import BREAK

POST_REACH = 2
"""How many words may stand between a phrase and a trigger that follows it ("fever? no")."""
HISTORY_REACH = 5
ABILITY_REACH = 2
"""How many words may stand between a negation and an ability it denies ("not been able to")."""


class Kind(StrEnum):
    """What a trigger does to the phrases in its scope."""

    PSEUDO = "negation.pseudo"
    NEG_BEFORE = "negation.before"
    NEG_AFTER = "negation.after"
    END = "negation.end"
    UNCERTAIN = "uncertain"
    HYPOTHETICAL = "hypothetical"
    HYPOTHETICAL_AFTER = "hypothetical_after"
    PAST_BEFORE = "historical.before"
    PAST_AFTER = "historical.after"
    CHANGED = "historical.changed"
    CORRECTION = "corrections"
    DIFFICULTY = "difficulty"


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a line, and every kind its words belong to."""

    kinds: frozenset[Kind]
    span: range


@dataclass(frozen=True)
class Status:
    """How a found phrase is meant."""

    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    past: bool = False
    impaired: bool = False
    """Said with a difficulty ("a hard time breathing"): an ability that is impaired."""
    by_particle: bool = False
    """Negated only by an answer particle that opens the line ("no, breathing's fine")."""


def find_triggers(words: list[str], lexicon: Lexicon, matches: list[Match]) -> list[Trigger]:
    """Trigger phrases, longest at each place, except those inside a found phrase's own words
    ("no feeling" is numbness, not a negation of feeling)."""
    inside = [set(m.positions) for m in matches]
    longest = max(lexicon.longest(kind.value) for kind in Kind)
    found: list[Trigger] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            span = range(i, i + size)
            phrase = tuple(words[i : i + size])
            kinds = frozenset(k for k in Kind if lexicon.has(k.value, phrase))
            if kinds and not any(own.issuperset(span) for own in inside):
                found.append(Trigger(kinds, span))
                i += size
                break
        else:
            i += 1
    return found


def status(
    match: Match, words: list[str], triggers: list[Trigger], lexicon: Lexicon, taken: set[int]
) -> Status:
    """How one found phrase is meant, from the triggers around it."""
    negated = uncertain = hypothetical = past = impaired = False
    negators: list[Trigger] = []
    # A phrase with its own negation ("can't move them") is not negated again from outside:
    # "no strength in her legs, can't stand, can't move them" is paralysis, not its denial.
    own_negation = any(lexicon.has(Kind.NEG_BEFORE.value, (words[p],)) for p in match.positions)
    ability = match.meaning >= 0 and lexicon.meanings[match.meaning].ability
    for trigger in triggers:
        kinds = trigger.kinds
        if Kind.PSEUDO in kinds:
            continue
        if _not_a_time_of_life(words, trigger, lexicon) or _recent(words, trigger, lexicon):
            # "when she was in the shower", "before i could catch her", "in the past hour":
            # when it happened, not a time long ago.
            kinds = kinds - {Kind.PAST_BEFORE, Kind.PAST_AFTER}
        if match.start <= trigger.span.start < match.end:
            # "a fever of a hundred counts as high": a question inside a pattern's words.
            hypothetical = hypothetical or Kind.HYPOTHETICAL_AFTER in kinds
            if Kind.NEG_BEFORE in kinds and not own_negation:
                negated = True
                negators.append(trigger)
            impaired = impaired or Kind.DIFFICULTY in kinds
            # A history inside a phrase said across clauses ("weak for years and ... that hand").
            past = past or bool(kinds & {Kind.PAST_BEFORE, Kind.PAST_AFTER})
            continue
        if trigger.span.start < match.start:
            # A trigger may end inside the phrase ("not really" before "really worried").
            stop = min(trigger.span.stop, match.start)
            if (
                Kind.NEG_BEFORE in kinds
                and not own_negation
                # "no fever no fainting speech is fine": a list's negation stops at what it
                # negated before a statement of an ability.
                and not (ability and any(k in taken for k in range(stop, match.start)))
                # "can't really use the speaker herself": an ability is denied close to its words.
                and not (ability and match.start - stop > ABILITY_REACH)
                and _reaches(
                    words,
                    stop,
                    match.start,
                    lexicon,
                    triggers,
                    clauses=True,
                    particle=_is_particle(words, trigger, lexicon),
                )
            ):
                negated = True
                negators.append(trigger)
            if Kind.DIFFICULTY in kinds and _reaches(
                words, stop, match.start, lexicon, triggers, clauses=True
            ):
                impaired = True
            if Kind.UNCERTAIN in kinds and _reaches(
                words, stop, match.start, lexicon, triggers, clauses=False
            ):
                uncertain = True
            if Kind.HYPOTHETICAL in kinds and _supposes(
                words, stop, match.start, lexicon, triggers
            ):
                hypothetical = True
            if (
                Kind.PAST_BEFORE in kinds
                and _reaches(words, stop, match.start, lexicon, triggers, clauses=False)
                and not now_between(words, stop, match.start, lexicon)
            ):
                past = True
        elif trigger.span.start >= match.end:
            between = words[match.end : trigger.span.start]
            if (
                Kind.NEG_AFTER in kinds
                and not own_negation
                and _after(between, trigger, words, taken, lexicon)
            ):
                negated = True
                negators.append(trigger)
            if Kind.DIFFICULTY in kinds and len(between) <= POST_REACH and BREAK not in between:
                impaired = True
            if (
                Kind.HYPOTHETICAL_AFTER in kinds
                and len(between) <= HISTORY_REACH
                and BREAK not in between
                and not _stated(words, match.start, lexicon)
            ):
                hypothetical = True
            if Kind.PAST_AFTER in kinds and (
                (
                    len(between) <= HISTORY_REACH
                    and BREAK not in between
                    and not _ended(match.end, trigger.span.start, triggers)
                )
                or _said_of(match, trigger, words, triggers, lexicon, taken)
            ):
                past = True
    if past and find_words(
        words[match.start : match.end], lexicon.lists.get("present", frozenset())
    ):
        past = False  # a phrase said across clauses, one of them of today ("... today she can't")
    if past and any(
        Kind.CHANGED in t.kinds
        and t.span.start >= match.end
        and not _denied(t, triggers)
        and _said_of(match, t, words, triggers, lexicon, taken)
        for t in triggers
    ):
        past = False  # "slurred for years but today it's much worse": a sign now
    by_particle = bool(negators) and all(
        t.span.start == 0 and _is_particle(words, t, lexicon) for t in negators
    )
    return Status(negated, uncertain, hypothetical, past, impaired, by_particle)


def _is_particle(words: list[str], trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether a trigger is an answer particle ("no", "nope") rather than "not", "without"."""
    return lexicon.has("answers.particles", tuple(words[trigger.span.start : trigger.span.stop]))


def _ended(start: int, stop: int, triggers: list[Trigger]) -> bool:
    return any(Kind.END in t.kinds and start <= t.span.start < stop for t in triggers)


def _reaches(
    words: list[str],
    start: int,
    stop: int,
    lexicon: Lexicon,
    triggers: list[Trigger],
    *,
    clauses: bool,
    particle: bool = False,
) -> bool:
    """Whether a trigger ending at `start` governs a phrase beginning at `stop`. With
    `clauses`, a subject starts a new clause ("no fever and she can't talk"), unless a verb of
    thinking comes before it ("i don't think she fainted"); after an answer particle, so does a
    determiner ("no, my hand is numb"), but not after "not" ("not the eyelid")."""
    if stop - start > lexicon.window or _ended(start, stop, triggers):
        return False
    for k in range(start, min(stop + 1, len(words))):
        if words[k] == BREAK:
            return False
        starts = lexicon.has("subjects", (words[k],)) or (
            particle and lexicon.has("determiners", (words[k],))
        )
        if clauses and starts:
            before = words[k - 1] if k > 0 else ""
            if not lexicon.has("thinking", (before,)):
                return False
    return True


def _stated(words: list[str], start: int, lexicon: Lexicon) -> bool:
    """Whether a phrase is said of someone, with a subject before it in its sentence ("she
    fainted, does that count"), rather than asked about bare ("would fainting count")."""
    k = start - 1
    while k >= 0 and words[k] != BREAK and start - k <= HISTORY_REACH:
        if lexicon.has("subjects", (words[k],)):
            return True
        k -= 1
    return False


def _supposes(
    words: list[str], start: int, stop: int, lexicon: Lexicon, triggers: list[Trigger]
) -> bool:
    """Whether a hypothesis ending at `start` ("what if", "should i") governs a phrase at
    `stop`: not past a new clause with its own subject ("should i worry, she's been slurring
    since teatime"), unless a condition opens it ("what should i do if he passes out")."""
    if not _reaches(words, start, stop, lexicon, triggers, clauses=False):
        return False
    for k in range(start + 1, min(stop + 1, len(words))):
        if lexicon.has("subjects", (words[k],)) and not lexicon.has("conditions", (words[k - 1],)):
            return False
    return True


def _after(
    between: list[str], trigger: Trigger, words: list[str], taken: set[int], lexicon: Lexicon
) -> bool:
    """A negation after a phrase ("fever no") governs it only when it closes the line or a
    clause, so that "slurred speech no fever" negates the fever, not the speech; and not past
    someone said of anew ("she went down for a second, she's fine now": she fainted)."""
    if len(between) > POST_REACH or BREAK in between:
        return False
    # "It" refers back, and "you" is the skill asked ("a stroke you mean, no").
    if any(
        lexicon.has("subjects", (w,)) and not lexicon.has("anaphora", (w,)) and w != "you"
        for w in between
    ):
        return False
    following = trigger.span.stop
    if following >= len(words) or words[following] == BREAK:
        return True
    if Kind.NEG_BEFORE not in trigger.kinds:
        return True
    return following not in taken and not any(
        k in taken for k in range(following, min(following + 3, len(words)))
    )


def now_between(words: list[str], start: int, stop: int, lexicon: Lexicon) -> bool:
    """Whether a word of the present ("now", "today") or a new clause ("and her face") stands
    between a history and a phrase: "she had a stroke years ago and now her face is drooping"."""
    for k in range(start, stop):
        if lexicon.has("joins", (words[k],)) and k + 1 < stop:
            following = (words[k + 1],)
            if lexicon.has("subjects", following) or lexicon.has("determiners", following):
                return True
    return bool(find_words(words[start:stop], lexicon.lists.get("present", frozenset())))


def _denied(changed: Trigger, triggers: list[Trigger]) -> bool:
    """A change that is negated ("it's not any worse") says nothing."""
    return any(
        Kind.NEG_BEFORE in t.kinds and 0 <= changed.span.start - t.span.stop <= 1 for t in triggers
    )


def _said_of(
    match: Match,
    trigger: Trigger,
    words: list[str],
    triggers: list[Trigger],
    lexicon: Lexicon,
    taken: set[int],
) -> bool:
    """Whether what a trigger after a phrase says is said of that phrase, also from a following
    clause that refers back to it ("a bit slurry but it's been the same for years", "slurred
    for years but today it's much worse"): in the same sentence, with no other phrase or
    twitching between, and few words other than links, triggers and words of the present."""
    between = range(match.end, trigger.span.start)
    said = [words[k] for k in between]
    if BREAK in said or find_words(said, lexicon.lists.get("twitch_words", frozenset())):
        return False
    in_triggers = {k for t in triggers for k in t.span if t.span.start >= match.end}
    present = {
        match.end + k
        for span in find_words(said, lexicon.lists.get("present", frozenset()))
        for k in span
    }
    if any(k in taken for k in between if k not in in_triggers and k not in present):
        return False
    for t in triggers:
        if match.end <= t.span.start < trigger.span.start and Kind.END in t.kinds:
            following = words[t.span.stop] if t.span.stop < len(words) else ""
            own = tuple(words[t.span.start : t.span.stop])
            if not (
                lexicon.has("anaphora", (following,))
                or lexicon.has("anaphora", own)
                or lexicon.has("present", (following,))
            ):
                return False
    core = [
        k
        for k in between
        if k not in in_triggers and k not in present and not lexicon.has("links", (words[k],))
    ]
    return len(core) <= HISTORY_REACH


def _not_a_time_of_life(words: list[str], trigger: Trigger, lexicon: Lexicon) -> bool:
    """A trigger ending in "was" or "were" ("when she was", "since he was") that is not followed
    by a time of life ("little", "a teenager", "twelve"): it says where or what someone was
    doing, not a time long ago."""
    stop = trigger.span.stop
    if words[stop - 1] not in ("was", "were"):
        return False
    following = words[stop:]
    while following and lexicon.has("historical.loose", (following[0],)):
        following = following[1:]  # "when i was like twelve"
    ages = lexicon.lists.get("historical.ages", frozenset())
    if any(tuple(following[:n]) in ages for n in range(1, 5)):
        return False
    return not (following and (following[0].isdigit() or following[0] in lexicon.numbers))


def _recent(words: list[str], trigger: Trigger, lexicon: Lexicon) -> bool:
    """A bare "before" said of when ("before i could catch her", "just before lunch"), or "in
    the past" followed by a span up to now ("in the past hour"): no history."""
    said = tuple(words[trigger.span.start : trigger.span.stop])
    following = words[trigger.span.stop] if trigger.span.stop < len(words) else None
    if following is None:
        return False
    if said == ("before",):
        return following != BREAK and not lexicon.has("historical.closes", (following,))
    if said == ("in", "the", "past"):
        return lexicon.has("historical.recent", (following,))
    return False
