"""Flesch-Kincaid grade level of spoken texts, with a documented syllable counter.

grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
(Kincaid et al., 1975). Sentences end at . ! or ? (a text without one is one sentence);
words are runs of letters, digits and apostrophes; a placeholder such as {days} counts as one
word of one syllable. See docs/decisions/0015-speech-report.md for why this is not textstat.

Syllables of a word (a number counts one syllable a digit, as "9 1 1" is spoken; a word in
capitals is spelt out, one syllable a letter and three for W: "NHS", "GP"; other words are
taken in lower case, letters only):
1. The words in EXCEPTIONS, then any other word of up to three letters (one), are settled
   at once; a compound whose first part is in COMPOUND_FIRSTS is that part plus the rest.
2. Count the groups of vowels (a e i o u, and y after the first letter unless a vowel
   follows it: "beyond" has two groups).
3. Take one off for a silent ending: a final e after a consonant ("make"), except "le"
   after a consonant other than l and "re" after one other than r ("simple", "fibre"; with
   -s or -d too: "muscles", "garbled"); a final "es" after a consonant other than s x z c g
   and the "ch" / "sh" pairs ("times", not "causes"); a final "ed" after a consonant other
   than t or d ("worked", not "wanted"); a silent e before -ly, -ful, -ment, -ness after a
   vowel and a consonant ("lately", "careful"); a final "que" or "gue" ("unique").
4. Add one for vowel pairs said as two: "ia", "io", "iu" after a consonant, except in
   -tion, -sion, -gion, -cial, -cian, -tial, -cious, -tious, -gious, -iour ("period",
   "potassium"); "ua" except after q or g ("usual", not "equal"); "ient", "ienc" except
   after t, c or s ("client", not "patient"); a vowel, or y after a consonant, before a
   final "ing" ("going", "worrying"); "n't" after a consonant ("didn't", not "don't").
5. Never fewer than one.
"""

import re

EXCEPTIONS = {
    "anxiety": 4,
    "any": 2,
    "area": 3,
    "being": 2,
    "create": 2,
    "creates": 2,
    "diet": 2,
    "every": 2,
    "eye": 1,
    "eyelid": 2,
    "eyelids": 2,
    "eyes": 1,
    "fire": 1,
    "fluid": 2,
    "fluids": 2,
    "hour": 1,
    "hours": 1,
    "idea": 3,
    "one": 1,
    "people": 2,
    "quiet": 2,
    "react": 2,
    "reaction": 3,
    "safety": 2,
    "science": 2,
    "society": 4,
    "variety": 4,
}
"""Common words the rules below miscount."""
COMPOUND_FIRSTS = {
    "any": 2,
    "base": 1,
    "care": 1,
    "every": 2,
    "home": 1,
    "life": 1,
    "safe": 1,
    "side": 1,
    "some": 1,
    "time": 1,
}
"""First parts of compounds whose silent e the rules would count ("someone", "caregiver")."""
VOWEL_GROUP = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
TOKEN = re.compile("[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
TERMINATED = re.compile(r"[.!?]+$")
SILENT_E = re.compile(r"[^aeiouy]e$")
SYLLABIC_LE = re.compile(r"[^aeiouyl]le[sd]?$|[^aeiouyr]re[sd]?$")
SILENT_ES = re.compile(r"(?:[^aeiouysxzcgh]|(?<![cs])h)es$")
SILENT_ED = re.compile(r"[^aeioutd]ed$")
SILENT_E_SUFFIX = re.compile(r"[aeiou][^aeiouy]e(ly|ful|ment|ments|ness)$")
SILENT_UE = re.compile(r"[qg]ues?$")
TWO_VOWELS = re.compile(r"[^aeiouy]i[aou]|(?<![qg])ua|(?<![tcs])ien[tc]")
ONE_VOWEL = re.compile(r"(tion|sion|gion|cial|cian|tial|cious|tious|gious|iour)")
VOWEL_ING = re.compile(r"([aeiou]|[^aeiou]y)ing$")
SYLLABIC_NT = re.compile(r"[^aeiouy]n't$")


def syllables(word: str) -> int:
    """Syllables in one word by the rules of this module's docstring."""
    digits = sum(c.isdigit() for c in word)
    if digits:
        return digits
    if len(word) > 1 and word.isalpha() and word.isupper():
        return sum(3 if c == "W" else 1 for c in word)
    lowered = word.lower().replace("\u2019", "'")
    word = re.sub(r"[^a-z]", "", lowered)
    if not word:
        return 0
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if len(word) <= 3:
        return 1
    for first, count in COMPOUND_FIRSTS.items():
        rest = word[len(first) :]
        if word.startswith(first) and len(rest) >= 3 and VOWEL_GROUP.search(rest):
            return count + syllables(rest)
    count = len(VOWEL_GROUP.findall(word[1:] if word[0] == "y" else word))
    count -= 1 if _silent_ending(word) else 0
    count += len(TWO_VOWELS.findall(word)) - len(ONE_VOWEL.findall(word))
    count += 1 if VOWEL_ING.search(word) else 0
    count += 1 if SYLLABIC_NT.search(lowered) else 0
    return max(1, count)


def _silent_ending(word: str) -> bool:
    if SYLLABIC_LE.search(word):
        return False
    endings = (SILENT_E, SILENT_ES, SILENT_ED, SILENT_E_SUFFIX, SILENT_UE)
    return any(ending.search(word) for ending in endings)


def words(text: str) -> list[str]:
    """The words of a text (each placeholder becomes the one-syllable word "that")."""
    return TOKEN.findall(PLACEHOLDER.sub("that", text))


def sentences(text: str) -> int:
    """Sentences in a text: its sentence ends, plus one for words after the last end."""
    stripped = text.strip()
    if not words(stripped):
        return 0
    ends = len(SENTENCE_END.findall(stripped))
    return ends + (0 if TERMINATED.search(stripped) else 1)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (0.0 for a text without words)."""
    found = words(text)
    if not found:
        return 0.0
    syllable_count = sum(syllables(w) for w in found)
    return 0.39 * len(found) / sentences(text) + 11.8 * syllable_count / len(found) - 15.59
