"""Who a line is about: the user, or someone they care for (and whether that is a man)."""

from dataclasses import dataclass

from skill.understanding.lexicon import Lexicon, Meaning
from skill.understanding.matching import Match

SELF, OTHER = "self", "other"


@dataclass(frozen=True)
class Person:
    """Who a line is about, as far as it says."""

    who: str | None = None
    """ "self", "other", or None when the line does not say."""
    named: bool = False
    """Said outright ("my mother", "it's for me"), not only by a pronoun ("she")."""
    male: bool | None = None
    """True for "he", "my son"; False for "she", "my mother"; None when not said."""

    @property
    def known(self) -> bool:
        """Whether the line says who it is about at all."""
        return self.who is not None


def who(words: list[str], matches: list[tuple[Match, Meaning]], lexicon: Lexicon) -> Person:
    """Who a line is about: a named person first, then pronouns."""
    content = [w for w in words if w != "|"]
    named_other = named_self = False
    sex_words: list[str] = []
    for match, meaning in matches:
        said = [words[p] for p in match.positions]
        before = words[match.start - 2 : match.start]
        whole = len(content) <= len(said) + 2
        pronoun = len(said) == 1 and lexicon.has("persons.other", (said[0],))
        if meaning.person == SELF and (whole or _any(before, lexicon, "persons.possessives")):
            named_self = True
        elif (
            meaning.person == OTHER
            and not pronoun
            and (whole or _any(before, lexicon, "persons.possessives"))
        ):
            named_other = True
            sex_words.extend(said)
    pronouns_other = [w for w in words if lexicon.has("persons.other", (w,))]
    pronouns_self = [w for w in words if lexicon.has("persons.self", (w,))]
    if named_other:
        return Person(OTHER, True, _sex(sex_words or pronouns_other, lexicon))
    if named_self:
        return Person(SELF, True, None)
    if pronouns_other:
        return Person(OTHER, False, _sex(pronouns_other, lexicon))
    if pronouns_self:
        return Person(SELF, False, None)
    return Person()


def _any(words: list[str], lexicon: Lexicon, name: str) -> bool:
    return any(lexicon.has(name, (w,)) for w in words)


def _sex(words: list[str], lexicon: Lexicon) -> bool | None:
    male = any(lexicon.has("persons.male", (w,)) for w in words)
    female = any(lexicon.has("persons.female", (w,)) for w in words)
    if male == female:
        return None
    return male
