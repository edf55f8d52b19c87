"""Each locale's overlay words (content/words/<locale>.yaml) are read by that locale's lexicon:
its synonyms, its speech lists, concepts and tables, as people there say them."""

import datetime
import shutil
from pathlib import Path

import pytest

from skill.triage.load import content_dir
from skill.triage.reader import Problems
from skill.understanding.load import lexicon_for
from skill.understanding.reading import read
from skill.words.load import load_words, model_locales

TODAY = datetime.date(2026, 12, 1)

NEW_LOCALES = ["en-GB", "en-CA", "en-AU", "en-IN"]

SIGNS = [
    ("en-GB", "he's gone and he's off his head", {"rf_consciousness": "yes"}),
    ("en-GB", "my mum had a funny turn this morning", {"rf_consciousness": "yes"}),
    ("en-GB", "she's gone doolally since yesterday", {"rf_consciousness": "yes"}),
    (
        "en-GB",
        "he's been poorly all week and now he can't get his breath",
        {"rf_breathing_swallowing": "yes"},
    ),
    ("en-GB", "she took a load of paracetamol", {"rf_overdose": "yes"}),
    ("en-GB", "he's talking double dutch", {"rf_speech": "yes"}),
    ("en-GB", "she's running a temp of 39", {"rf_fever": "yes"}),
    ("en-AU", "he's out to it on the couch", {"rf_consciousness": "yes"}),
    ("en-AU", "she's away with the pixies", {"rf_consciousness": "yes"}),
    ("en-AU", "he took heaps of panadol", {"rf_overdose": "yes"}),
    ("en-CA", "he took too many tylenol", {"rf_overdose": "yes"}),
    ("en-CA", "she's out cold", {"rf_consciousness": "yes"}),
    ("en-IN", "my father is not in his senses", {"rf_consciousness": "yes"}),
    ("en-IN", "she is talking irrelevant since morning", {"rf_consciousness": "yes"}),
    ("en-IN", "he got fainted in the bathroom", {"rf_consciousness": "yes"}),
    ("en-IN", "she consumed too many tablets", {"rf_overdose": "yes"}),
    ("en-IN", "he is not able to speak clearly", {"rf_speech": "yes"}),
]

FACTS = [
    (
        "en-GB",
        "not much kip and loads of cuppas",
        {"trigger_sleep": "yes", "trigger_caffeine": "yes"},
    ),
    ("en-GB", "a few jars down the pub", {"trigger_alcohol": "yes"}),
    ("en-GB", "my GP put me on bendroflumethiazide", {"medicine": "yes"}),
    (
        "en-AU",
        "skipped brekkie and a few schooners",
        {"trigger_diet": "yes", "trigger_alcohol": "yes"},
    ),
    ("en-AU", "flat whites all day", {"trigger_caffeine": "yes"}),
    ("en-AU", "she's on fluid tablets", {"medicine": "yes"}),
    ("en-CA", "a double double every morning", {"trigger_caffeine": "yes"}),
    ("en-CA", "shovelling snow all weekend", {"trigger_exercise": "yes"}),
    ("en-IN", "lots of tension at the office", {"trigger_stress": "yes"}),
    ("en-IN", "too much chai", {"trigger_caffeine": "yes"}),
    ("en-IN", "he takes tablets for sugar and BP", {"medicine": "yes"}),
    ("en-IN", "I take BP tablets", {"medicine": "yes"}),
]

TOPICS = [
    ("en-GB", "should I go to A&E", "when_to_call"),
    ("en-GB", "when should I see my GP", "when_to_call"),
    ("en-GB", "should I ring NHS 111", "when_to_call"),
    ("en-AU", "should I ring 000", "when_to_call"),
    ("en-AU", "should I go to the ED", "when_to_call"),
    ("en-CA", "should I go to emerg", "when_to_call"),
    ("en-CA", "should I call 811", "when_to_call"),
    ("en-IN", "should I show to a doctor", "when_to_call"),
    ("en-IN", "what is the reason for twitching", "causes"),
]

PERSONS = [
    ("en-GB", "it's for me mam", "other", False),
    ("en-GB", "it's for our kid", "other", None),
    ("en-AU", "it's for me mum", "other", False),
    ("en-CA", "it's for my memere", "other", False),
    ("en-IN", "it is for my nani", "other", False),
    ("en-IN", "for my papa ji", "other", True),
]


def hear(locale: str, line: str):
    return read(line, lexicon_for(locale), TODAY, vague=True)


@pytest.mark.parametrize(("locale", "line", "facts"), SIGNS + FACTS)
def test_a_locale_word_sets_its_facts(locale, line, facts):
    heard = hear(locale, line).facts
    assert {fact: heard.get(fact) for fact in facts} == facts


@pytest.mark.parametrize(("locale", "line", "topic"), TOPICS)
def test_a_locale_question_reaches_its_info_topic(locale, line, topic):
    assert hear(locale, line).topic == topic


@pytest.mark.parametrize(("locale", "line", "who", "male"), PERSONS)
def test_a_locale_word_for_a_relative_says_whom_it_is_for(locale, line, who, male):
    person = hear(locale, line).person
    assert (person.who, person.named, person.male) == (who, True, male)


@pytest.mark.parametrize(
    ("line", "answer"),
    [("yeah nah", "no"), ("yeah nah none of those", "no"), ("nah yeah", "yes")],
)
def test_yeah_nah_is_a_no_and_nah_yeah_a_yes_in_australia(line, answer):
    assert hear("en-AU", line).answer == answer


def test_a_red_flag_after_nah_yeah_is_still_heard():
    assert hear("en-AU", "nah yeah she's slurring").facts["rf_speech"] == "yes"


@pytest.mark.parametrize(
    ("locale", "line", "days"),
    [
        ("en-US", "since thanksgiving", 5),  # 2026-11-26
        ("en-CA", "since thanksgiving", 50),  # 2026-10-12, the second Monday of October
        ("en-CA", "since labour day", 85),  # 2026-09-07
        ("en-AU", "since anzac day", 220),
        ("en-AU", "since this arvo", 0),
        ("en-IN", "since independence day", 108),  # 15 August
        ("en-US", "since the summer", 163),  # 2026-06-21
        ("en-GB", "it's been going since last autumn", 70),  # 2026-09-22
        ("en-AU", "since the winter", 183),  # 2026-06-01, the southern winter
    ],
)
def test_a_holiday_or_a_season_is_the_locale_s_own_date(locale, line, days):
    assert hear(locale, line).days == days


def test_every_new_locale_has_an_overlay_and_so_a_model():
    assert set(NEW_LOCALES) <= set(model_locales(content_dir()))


@pytest.mark.parametrize("locale", NEW_LOCALES)
def test_overlay_speech_adds_to_the_language_and_leaves_it_whole(locale):
    problems = Problems(content_dir())
    words = load_words(problems, locale)
    english = load_words(problems, "en-US")
    assert not problems.messages
    assert words is not None and english is not None
    for name, phrases in english.speech.lists.items():
        assert set(phrases) <= set(words.speech.list(name)), name
    assert {c.id for c in words.speech.concepts} == {c.id for c in english.speech.concepts}


def overlay_problems(tmp_path: Path, overlay: str) -> list[str]:
    """The problems a copy of the words with this en-GB overlay has."""
    shutil.copytree(content_dir() / "words", tmp_path / "words")
    (tmp_path / "words" / "en-GB.yaml").write_text(overlay, encoding="utf-8")
    problems = Problems(tmp_path)
    load_words(problems, "en-GB")
    return problems.messages


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ("speech: {answers: {maybe: [x]}}", "speech.answers.maybe: unknown speech list"),
        ("speech: {answer: {'no': [x]}}", "speech.answer: unknown speech list, concept or table"),
        ("speech: {answers: {no: [x]}}", "speech.answers: expected a mapping of names"),
        ("speech: {concepts: {nothing_like_it: [x]}}", "speech.concepts.nothing_like_it: unknown"),
        ("speech: {fillers: not a list}", "speech.fillers: expected a list of non-empty texts"),
        ("speech: {dates: {easter: 4}}", "speech.dates: expected a mapping of text to text"),
        ("speech: [fillers]", "speech: expected speech lists, concepts or tables"),
        ("speeches: {}", "speeches: unknown key"),
    ],
)
def test_a_bad_overlay_speech_entry_is_a_located_problem(tmp_path, overlay, message):
    messages = overlay_problems(tmp_path, overlay)
    assert any(m.startswith("words/en-GB.yaml: ") and message in m for m in messages), messages


def test_digits_are_never_read_as_a_stretched_word():
    from skill.understanding.spelling import unstretch

    lexicon = lexicon_for("en-GB")
    assert [unstretch(w, lexicon) for w in ("111", "999", "000", "sooo")] == [
        "111",
        "999",
        "000",
        "so",
    ]


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("en-GB", "me dad can't talk properly"),
        ("en-GB", "me mam's face has dropped on one side"),
        ("en-AU", "me mum can't move her arm at all"),
    ],
)
def test_me_before_a_relative_says_whose_in_britain_and_australia(locale, line):
    heard = hear(locale, line)
    assert heard.person.who == "other"
    assert any(fact.startswith("rf_") and value == "yes" for fact, value in heard.facts.items())


@pytest.mark.parametrize("locale", ["en-GB", "en-AU"])
@pytest.mark.parametrize("line", ["me", "it's me", "it's for me", "just me"])
def test_me_alone_is_still_the_user(locale, line):
    assert hear(locale, line).person.who == "self"
