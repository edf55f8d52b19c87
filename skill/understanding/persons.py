"""Who a line is about: the user, or someone they care for (and whether that is a man)."""

from skill.understanding.lexicon import Lexicon, Meaning
from skill.understanding.matching import Match
from skill.understanding.results import Person

SELF, OTHER = "self", "other"


def who(words: list[str], matches: list[tuple[Match, Meaning]], lexicon: Lexicon) -> Person:
    """Who a line is about: a person named, then pronouns."""
    content = [w for w in words if w != "|"]
    named: dict[str, bool] = {}
    sex_words: list[str] = []
    for match, meaning in matches:
        said = [words[p] for p in match.positions]
        before = words[max(0, match.start - 4) : match.start]
        whole = len(content) <= len(said) + 2
        pronoun = len(said) == 1 and lexicon.has("persons.other", (said[0],))
        if meaning.person is None or pronoun:
            continue
        if not (whole or _any(before, lexicon, "persons.possessives")):
            continue
        outright = whole or _any(before, lexicon, "persons.for")
        named[meaning.person] = named.get(meaning.person, False) or outright
        if meaning.person == OTHER:
            sex_words.extend(said)
    pronouns_other = [w for w in words if lexicon.has("persons.other", (w,))]
    pronouns_self = [w for w in words if lexicon.has("persons.self", (w,))]
    if OTHER in named:
        return Person(OTHER, named[OTHER], _sex(sex_words or pronouns_other, lexicon))
    if SELF in named:
        return Person(SELF, named[SELF], None)
    if pronouns_other:
        return Person(OTHER, False, _sex(pronouns_other, lexicon))
    if pronouns_self:
        return Person(SELF, False, None)
    return Person()


def _any(words: list[str], lexicon: Lexicon, name: str) -> bool:
    return any(lexicon.has(name, (w,)) for w in words) or any(
        lexicon.has(name, tuple(words[i : i + 2])) for i in range(len(words) - 1)
    )


def _sex(words: list[str], lexicon: Lexicon) -> bool | None:
    male = any(lexicon.has("persons.male", (w,)) for w in words)
    female = any(lexicon.has("persons.female", (w,)) for w in words)
    if male == female:
        return None
    return male
