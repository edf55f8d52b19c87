"""Structure checks of the Alexa interaction model.

The interaction model (interaction_model/interactionModels/custom/en-US.json) must import as-is
into the Alexa developer console, and its slot value ids must be exactly the ids that
content/vocabulary.yaml gives facts for. The checks follow the ASK rules for sample utterances,
slot types and invocation names, and the project's own rules from the voice spec (red flags can
be said at any moment, of oneself or of someone else; one-shot launches fill the slots they
mention).

Utterance matching: each sample is turned into a regular expression in which a custom slot
matches any value name or synonym of its type, and AMAZON.DURATION matches simple spoken
durations ("three days", "a week"). This is how the tests check that a phrase such as "she can't
talk properly" reaches the intended intent and resolves to the intended slot value id.

Red-flag measure: every Symptom phrasing is reachable through the bare "{symptom}" sample and the
carrier samples ("she {symptom}", "my dad {symptom}", "no but {symptom}", ...), so the number of
distinct phrasings (value name plus synonyms) that resolve to a red-flag value is the meaningful
count: it must be at least 40 overall and at least 5 for each red flag of the clinical rules.
SymptomIntent itself must also have at least 40 samples.

The skill manifest has its own checks (test_manifest.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.publish.layout import model_path

ROOT = Path(__file__).resolve().parents[2]
MODEL_PATH = model_path("en-US")
SLOT_TYPES_PATH = ROOT / "content" / "words" / "en" / "slot_types.yaml"

INVOCATION_NAME = "muscle twitch helper"
BRAND_WORDS = {"alexa", "amazon", "echo", "skill", "app"}
LAUNCH_WORDS = {
    "ask",
    "open",
    "tell",
    "launch",
    "start",
    "begin",
    "load",
    "play",
    "resume",
    "run",
    "enable",
    "use",
}
LAUNCH_PHRASES = {"talk to"}

INFO_TOPIC_IDS = {
    "what_is_twitch",
    "causes",
    "twitch_vs_cramp",
    "when_to_call",
    "serious_disease",
    "doctor_questions",
}

# Intent name -> {slot name: slot type}.
EXPECTED_INTENTS: dict[str, dict[str, str]] = {
    "AMAZON.YesIntent": {},
    "AMAZON.NoIntent": {},
    "UnsureIntent": {},
    "DurationIntent": {
        "duration": "AMAZON.DURATION",
        "durationOver": "AMAZON.DURATION",
        "durationPhrase": "DurationPhrase",
        "symptom": "Symptom",
    },
    "LocationIntent": {"location": "BodyLocation", "symptom": "Symptom"},
    "TriggerIntent": {
        "trigger": "Trigger",
        "triggerTwo": "Trigger",
        "triggerThree": "Trigger",
        "symptom": "Symptom",
    },
    "HealthFactorIntent": {
        "healthFactor": "HealthFactor",
        "healthFactorTwo": "HealthFactor",
        "symptom": "Symptom",
    },
    "SymptomIntent": {"symptom": "Symptom", "symptomTwo": "Symptom", "person": "Person"},
    "WhoForIntent": {"person": "Person"},
    "DescribeTwitchIntent": {
        "location": "BodyLocation",
        "duration": "AMAZON.DURATION",
        "durationPhrase": "DurationPhrase",
        "person": "Person",
    },
    "DescribeTheirTwitchIntent": {
        "location": "BodyLocation",
        "duration": "AMAZON.DURATION",
        "durationPhrase": "DurationPhrase",
    },
    "TwitchIntent": {
        "location": "BodyLocation",
        "duration": "AMAZON.DURATION",
        "durationPhrase": "DurationPhrase",
    },
    "InfoIntent": {"topic": "InfoTopic"},
    "FreeSpeechIntent": {"speech": "FreeSpeech"},
    "WhyIntent": {},
    "SlowerIntent": {},
    "AMAZON.RepeatIntent": {},
    "AMAZON.StartOverIntent": {},
    "AMAZON.PreviousIntent": {},
    "AMAZON.HelpIntent": {},
    "AMAZON.StopIntent": {},
    "AMAZON.CancelIntent": {},
    "AMAZON.FallbackIntent": {},
    "AMAZON.NavigateHomeIntent": {},
}
CUSTOM_INTENTS = [name for name in EXPECTED_INTENTS if not name.startswith("AMAZON.")]
CUSTOM_TYPES = [
    "BodyLocation",
    "DurationPhrase",
    "Symptom",
    "Trigger",
    "HealthFactor",
    "Person",
    "InfoTopic",
    "FreeSpeech",
]

# The clinical rules' red flags, as the facts vocabulary.yaml sets for them.
RED_FLAG_FACTS = [
    "rf_consciousness",
    "rf_speech",
    "rf_fever",
    "rf_one_sided_weakness",
    "rf_paralysis",
    "rf_breathing_swallowing",
    "rf_overdose",
]
MIN_RED_FLAG_PHRASINGS = 40
MIN_PHRASINGS_PER_RED_FLAG = 5
MIN_SYMPTOM_SAMPLES = 40

# "None of those" answers both the trigger question and the health-factor question; either
# intent sets a "no" fact, so the backend treats them alike. No other bare answer may be shared.
SHARED_NONE_IDS = {("Trigger", "none"), ("HealthFactor", "none")}

WORD = r"[A-Za-z'.]+"
SLOT = r"\{[A-Za-z]+\}"
SAMPLE_RE = re.compile(rf"^(?:{WORD}|{SLOT})(?: (?:{WORD}|{SLOT}))*$")
SLOT_VALUE_RE = re.compile(r"^[A-Za-z'.]+(?: [A-Za-z'.]+)*$")
SLOT_REF_RE = re.compile(r"\{([^{}]*)\}")

NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|a few|a couple of|several|half an?"
)
BUILTIN_PATTERNS = {
    "AMAZON.DURATION": (
        rf"(?:(?:{NUMBER_WORDS}) )?(?:second|minute|hour|day|week|month|year)s?(?: and a half)?"
    ),
}


# ------------------------------------------------------------------------------- loading


@cache
def load_model() -> dict[str, Any]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return data["interactionModel"]["languageModel"]


@cache
def load_vocabulary() -> dict[str, Any]:
    """What each slot value means, from the words the model is built from."""
    types = yaml.safe_load(SLOT_TYPES_PATH.read_text(encoding="utf-8"))
    return {
        "slot_types": {
            name: {value_id: value.get("sets", {}) for value_id, value in values.items()}
            for name, values in types.items()
        },
        "persons": {
            "Person": {value_id: value["person"] for value_id, value in types["Person"].items()}
        },
    }


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def intents() -> dict[str, dict[str, Any]]:
    return {intent["name"]: intent for intent in load_model()["intents"]}


def samples(intent_name: str) -> list[str]:
    return list(intents()[intent_name].get("samples", []))


def declared_slots(intent_name: str) -> dict[str, str]:
    return {slot["name"]: slot["type"] for slot in intents()[intent_name].get("slots", [])}


def slot_types() -> dict[str, list[dict[str, Any]]]:
    return {slot_type["name"]: slot_type["values"] for slot_type in load_model()["types"]}


def phrasings(value: dict[str, Any]) -> list[str]:
    return [value["name"]["value"], *value["name"].get("synonyms", [])]


@cache
def phrase_to_id(type_name: str) -> dict[str, str]:
    return {
        normalize(phrase): value["id"]
        for value in slot_types()[type_name]
        for phrase in phrasings(value)
    }


def expected_ids(type_name: str) -> set[str]:
    vocabulary = load_vocabulary()
    if type_name == "InfoTopic":
        return set(INFO_TOPIC_IDS)
    if type_name == "Person":
        return set(vocabulary["persons"]["Person"])
    return set(vocabulary["slot_types"][type_name])


def red_flag_symptom_ids() -> dict[str, str]:
    """Symptom value id -> the red-flag fact it sets."""
    result = {}
    for value_id, facts in load_vocabulary()["slot_types"]["Symptom"].items():
        for fact in facts:
            if fact.startswith("rf_"):
                result[value_id] = fact
    return result


# ------------------------------------------------------------------------------ matching


def slot_pattern(slot_type: str) -> str:
    if slot_type in BUILTIN_PATTERNS:
        return BUILTIN_PATTERNS[slot_type]
    phrases = sorted(phrase_to_id(slot_type), key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in phrases)


@cache
def compiled_samples() -> list[tuple[str, str, re.Pattern[str]]]:
    compiled = []
    for intent_name, intent in intents().items():
        slots = declared_slots(intent_name)
        for sample in intent.get("samples", []):
            parts: list[str] = []
            seen: set[str] = set()
            for token in sample.split():
                ref = SLOT_REF_RE.fullmatch(token)
                if ref is None:
                    parts.append(re.escape(token.lower()))
                elif ref.group(1) in slots and ref.group(1) not in seen:
                    seen.add(ref.group(1))
                    parts.append(f"(?P<{ref.group(1)}>{slot_pattern(slots[ref.group(1)])})")
                else:  # undeclared or repeated slots fail their own tests
                    break
            else:
                compiled.append((intent_name, sample, re.compile(" ".join(parts))))
    return compiled


def match(utterance: str) -> list[tuple[str, str, dict[str, str]]]:
    """Every (intent, sample, slot values) that the utterance matches; custom slots as ids."""
    text = normalize(utterance)
    found = []
    for intent_name, sample, pattern in compiled_samples():
        hit = pattern.fullmatch(text)
        if not hit:
            continue
        slots = declared_slots(intent_name)
        values = {}
        for slot_name, spoken in hit.groupdict().items():
            slot_type = slots[slot_name]
            values[slot_name] = (
                spoken if slot_type.startswith("AMAZON.") else phrase_to_id(slot_type)[spoken]
            )
        found.append((intent_name, sample, values))
    return found


def slot_names_in(sample: str) -> list[str]:
    return SLOT_REF_RE.findall(sample)


# -------------------------------------------------------------------- the model document


def test_model_is_an_importable_ask_document() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data) == {"interactionModel"}
    assert set(data["interactionModel"]) == {"languageModel"}
    language_model = data["interactionModel"]["languageModel"]
    assert set(language_model) == {"invocationName", "intents", "types"}
    for intent in language_model["intents"]:
        assert set(intent) <= {"name", "slots", "samples"}, intent["name"]
        for slot in intent.get("slots", []):
            assert set(slot) == {"name", "type"}, (intent["name"], slot)
    for slot_type in language_model["types"]:
        assert set(slot_type) == {"name", "values"}, slot_type["name"]
        for value in slot_type["values"]:
            assert set(value) == {"id", "name"}, (slot_type["name"], value)
            assert set(value["name"]) <= {"value", "synonyms"}, (slot_type["name"], value)


def test_invocation_name_is_muscle_twitch_helper() -> None:
    assert load_model()["invocationName"] == INVOCATION_NAME


def test_invocation_name_is_lowercase_with_at_least_two_words() -> None:
    name = load_model()["invocationName"]
    assert name == name.lower()
    assert re.fullmatch(r"[a-z]+(?: [a-z]+)+", name)


def test_invocation_name_has_no_brand_or_launch_words() -> None:
    name = load_model()["invocationName"]
    words = set(name.split())
    assert not words & BRAND_WORDS
    assert not words & LAUNCH_WORDS
    assert not any(phrase in name for phrase in LAUNCH_PHRASES)


# ------------------------------------------------------------------------------- intents


def test_intents_are_exactly_the_required_set() -> None:
    names = [intent["name"] for intent in load_model()["intents"]]
    assert len(names) == len(set(names)), "an intent is declared twice"
    assert set(names) == set(EXPECTED_INTENTS)


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_intent_declares_the_specified_slots(intent_name: str) -> None:
    slots = intents()[intent_name].get("slots", [])
    assert len(slots) == len({slot["name"] for slot in slots}), "a slot is declared twice"
    assert declared_slots(intent_name) == EXPECTED_INTENTS[intent_name]


@pytest.mark.parametrize("intent_name", CUSTOM_INTENTS)
def test_custom_intent_has_samples(intent_name: str) -> None:
    assert samples(intent_name)


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_every_slot_in_a_sample_is_declared_in_its_intent(intent_name: str) -> None:
    declared = declared_slots(intent_name)
    undeclared = [
        (sample, slot)
        for sample in samples(intent_name)
        for slot in slot_names_in(sample)
        if slot not in declared
    ]
    assert not undeclared


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_every_declared_slot_is_used_in_a_sample_of_its_intent(intent_name: str) -> None:
    used = {slot for sample in samples(intent_name) for slot in slot_names_in(sample)}
    assert set(declared_slots(intent_name)) <= used


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_samples_use_only_letters_spaces_apostrophes_periods_and_whole_word_slots(
    intent_name: str,
) -> None:
    # Whole-word slots: "{person}'s" and "{a}{b}" are rejected by the console.
    bad = [sample for sample in samples(intent_name) if not SAMPLE_RE.fullmatch(sample)]
    assert not bad


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_no_slot_is_used_twice_in_one_sample(intent_name: str) -> None:
    bad = [
        sample
        for sample in samples(intent_name)
        if len(slot_names_in(sample)) != len(set(slot_names_in(sample)))
    ]
    assert not bad


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_samples_are_at_most_two_hundred_characters(intent_name: str) -> None:
    assert all(len(sample) <= 200 for sample in samples(intent_name))


@pytest.mark.parametrize("intent_name", list(EXPECTED_INTENTS))
def test_no_sample_is_repeated_within_its_intent(intent_name: str) -> None:
    counts = Counter(normalize(sample) for sample in samples(intent_name))
    assert [sample for sample, n in counts.items() if n > 1] == []


def test_no_sample_utterance_is_in_two_intents() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for intent_name in EXPECTED_INTENTS:
        for sample in samples(intent_name):
            owners[normalize(sample)].add(intent_name)
    shared = {sample: sorted(names) for sample, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_no_fixed_sample_is_reachable_through_another_intents_slots() -> None:
    # e.g. "back" would be both "go back" and the body location "back".
    clashes = []
    for intent_name in EXPECTED_INTENTS:
        for sample in samples(intent_name):
            if slot_names_in(sample):
                continue
            others = {name for name, _, _ in match(sample) if name != intent_name}
            if others:
                clashes.append((sample, intent_name, sorted(others)))
    assert clashes == []


def test_bare_slot_answers_reach_only_their_own_intent() -> None:
    # A one-word answer ("calf", "coffee", "yesterday") must not be claimed by two intents.
    clashes = []
    for intent_name in CUSTOM_INTENTS:
        slots = declared_slots(intent_name)
        for sample in samples(intent_name):
            ref = SLOT_REF_RE.fullmatch(sample)
            if not ref or slots[ref.group(1)].startswith("AMAZON."):
                continue
            slot_type = slots[ref.group(1)]
            for phrase, value_id in phrase_to_id(slot_type).items():
                if (slot_type, value_id) in SHARED_NONE_IDS:
                    continue
                others = {name for name, _, _ in match(phrase) if name != intent_name}
                if others:
                    clashes.append((phrase, intent_name, sorted(others)))
    assert clashes == []


def test_shared_none_answers_mean_no_in_both_intents() -> None:
    for phrase in ["none of those", "none", "nothing like that"]:
        resolved = {
            (name, values.get("trigger") or values.get("healthFactor"))
            for name, _, values in match(phrase)
        }
        assert resolved == {("TriggerIntent", "none"), ("HealthFactorIntent", "none")}, phrase


@pytest.mark.parametrize(
    ("intent_name", "said"),
    [
        ("AMAZON.NoIntent", "no none of those"),
        ("AMAZON.NoIntent", "not that i know of"),
        ("AMAZON.NoIntent", "nope nothing like that"),
        ("AMAZON.NoIntent", "i don't think so"),
        ("AMAZON.YesIntent", "yeah she does"),
        ("AMAZON.YesIntent", "i think so"),
        ("UnsureIntent", "no idea"),
        ("UnsureIntent", "hard to say"),
    ],
)
def test_yes_no_and_unsure_carry_the_natural_forms(intent_name: str, said: str) -> None:
    assert said in {normalize(s) for s in samples(intent_name)}


# ---------------------------------------------------------------------------- slot types


def test_custom_slot_types_are_exactly_the_required_set() -> None:
    names = [slot_type["name"] for slot_type in load_model()["types"]]
    assert len(names) == len(set(names))
    assert set(names) == set(CUSTOM_TYPES)


def test_every_slot_type_used_by_an_intent_is_defined_or_built_in() -> None:
    defined = set(slot_types())
    for intent_name in EXPECTED_INTENTS:
        for slot_type in declared_slots(intent_name).values():
            assert slot_type.startswith("AMAZON.") or slot_type in defined, slot_type


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_slot_value_ids_are_exactly_the_vocabulary_keys(type_name: str) -> None:
    ids = {value["id"] for value in slot_types()[type_name]}
    assert ids == expected_ids(type_name)


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_no_value_id_is_repeated_within_a_type(type_name: str) -> None:
    counts = Counter(value["id"] for value in slot_types()[type_name])
    assert [value_id for value_id, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_no_synonym_is_listed_under_two_values_of_a_type(type_name: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for value in slot_types()[type_name]:
        for phrase in phrasings(value):
            owners[normalize(phrase)].add(value["id"])
    shared = {phrase: sorted(ids) for phrase, ids in owners.items() if len(ids) > 1}
    assert shared == {}


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_no_phrasing_is_repeated_within_a_value(type_name: str) -> None:
    for value in slot_types()[type_name]:
        normalized = [normalize(phrase) for phrase in phrasings(value)]
        assert len(normalized) == len(set(normalized)), value["id"]


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_slot_values_use_only_letters_spaces_apostrophes_and_periods(type_name: str) -> None:
    bad = [
        phrase
        for value in slot_types()[type_name]
        for phrase in phrasings(value)
        if not SLOT_VALUE_RE.fullmatch(phrase) or len(phrase) > 140
    ]
    assert not bad


@pytest.mark.parametrize("type_name", CUSTOM_TYPES)
def test_every_slot_value_has_everyday_synonyms(type_name: str) -> None:
    thin = [value["id"] for value in slot_types()[type_name] if len(phrasings(value)) < 3]
    assert not thin


# ---------------------------------------------------------------------------- red flags


def test_every_clinical_red_flag_has_a_symptom_value() -> None:
    assert set(red_flag_symptom_ids().values()) == set(RED_FLAG_FACTS)


def test_at_least_forty_phrasings_resolve_to_red_flags() -> None:
    red_flags = red_flag_symptom_ids()
    count = sum(
        len({normalize(phrase) for phrase in phrasings(value)})
        for value in slot_types()["Symptom"]
        if value["id"] in red_flags
    )
    assert count >= MIN_RED_FLAG_PHRASINGS


@pytest.mark.parametrize("fact", RED_FLAG_FACTS)
def test_each_red_flag_has_several_phrasings(fact: str) -> None:
    ids = {value_id for value_id, rf in red_flag_symptom_ids().items() if rf == fact}
    count = sum(len(phrasings(value)) for value in slot_types()["Symptom"] if value["id"] in ids)
    assert count >= MIN_PHRASINGS_PER_RED_FLAG


def test_symptom_intent_has_at_least_forty_samples() -> None:
    assert len(samples("SymptomIntent")) >= MIN_SYMPTOM_SAMPLES


@pytest.mark.parametrize("subject", ["I", "she", "he", "they", "my {person}"])
def test_red_flags_can_be_said_of_oneself_and_of_someone_else(subject: str) -> None:
    wanted = {f"{subject} {{symptom}}", f"{subject} has {{symptom}}", f"{subject} have {{symptom}}"}
    assert {normalize(sample) for sample in samples("SymptomIntent")} & {
        normalize(sample) for sample in wanted
    }


# ------------------------------------------------------------------------- key utterances

KEY_UTTERANCES: list[tuple[str, str, dict[str, str]]] = [
    # Red flags, volunteered at any moment, of oneself or of someone else.
    ("she can't talk properly", "SymptomIntent", {"symptom": "slurred_speech"}),
    ("no but she's slurring her words", "SymptomIntent", {"symptom": "slurred_speech"}),
    ("he suddenly can't speak", "SymptomIntent", {"symptom": "cannot_speak"}),
    ("my dad passed out", "SymptomIntent", {"symptom": "fainting"}),
    ("I think I fainted", "SymptomIntent", {"symptom": "fainting"}),
    ("she won't wake up", "SymptomIntent", {"symptom": "hard_to_wake"}),
    ("my mom is confused", "SymptomIntent", {"symptom": "confusion"}),
    ("she has a high fever", "SymptomIntent", {"symptom": "high_fever"}),
    ("one side of my face is drooping", "SymptomIntent", {"symptom": "face_drooping"}),
    ("I can't lift my arm", "SymptomIntent", {"symptom": "one_sided_weakness"}),
    ("he can't move his arm", "SymptomIntent", {"symptom": "paralysis"}),
    ("I can't breathe", "SymptomIntent", {"symptom": "trouble_breathing"}),
    ("he's choking", "SymptomIntent", {"symptom": "trouble_breathing"}),
    ("she can't swallow", "SymptomIntent", {"symptom": "trouble_swallowing"}),
    ("he took too many pills", "SymptomIntent", {"symptom": "overdose"}),
    ("my arm feels weak", "SymptomIntent", {"symptom": "weakness"}),
    ("the muscle looks thinner", "SymptomIntent", {"symptom": "muscle_wasting"}),
    ("I have pins and needles", "SymptomIntent", {"symptom": "tingling"}),
    ("it's numb", "SymptomIntent", {"symptom": "numbness"}),
    ("it's spreading", "SymptomIntent", {"symptom": "spreading"}),
    ("I'm worried about it", "SymptomIntent", {"symptom": "worried"}),
    ("numb and tingling", "SymptomIntent", {"symptom": "numbness", "symptomTwo": "tingling"}),
    # Answers to the questions.
    (
        "coffee and not much sleep",
        "TriggerIntent",
        {"trigger": "caffeine", "triggerTwo": "lack_of_sleep"},
    ),
    (
        "coffee stress and alcohol",
        "TriggerIntent",
        {"trigger": "caffeine", "triggerTwo": "stress", "triggerThree": "alcohol"},
    ),
    ("I've been drinking lots of coffee", "TriggerIntent", {"trigger": "caffeine"}),
    ("I take water pills", "HealthFactorIntent", {"healthFactor": "water_pills"}),
    ("she's on prednisone", "HealthFactorIntent", {"healthFactor": "steroids"}),
    ("I'm pregnant", "HealthFactorIntent", {"healthFactor": "pregnant"}),
    ("doesn't apply", "HealthFactorIntent", {"healthFactor": "not_applicable"}),
    ("I have kidney disease", "HealthFactorIntent", {"healthFactor": "kidney_disease"}),
    ("my eyelid", "LocationIntent", {"location": "eyelid"}),
    ("in her left calf", "LocationIntent", {"location": "calf"}),
    ("it's in more than one place", "LocationIntent", {"location": "more_than_one_place"}),
    ("all over", "LocationIntent", {"location": "all_over"}),
    ("for three days", "DurationIntent", {"duration": "three days"}),
    ("it's been going on for two weeks", "DurationIntent", {"duration": "two weeks"}),
    ("since yesterday", "DurationIntent", {"durationPhrase": "yesterday"}),
    ("it started last week", "DurationIntent", {"durationPhrase": "since_last_week"}),
    ("a few days", "DurationIntent", {"durationPhrase": "few_days"}),
    # One-shot and volunteered descriptions.
    (
        "about my eyelid twitching for three days",
        "DescribeTwitchIntent",
        {"location": "eyelid", "duration": "three days"},
    ),
    (
        "my calf has been twitching since last week",
        "DescribeTwitchIntent",
        {"location": "calf", "durationPhrase": "since_last_week"},
    ),
    (
        "my mom has a twitch in her eyelid",
        "DescribeTwitchIntent",
        {"person": "mother", "location": "eyelid"},
    ),
    ("my thumb keeps twitching", "DescribeTwitchIntent", {"location": "thumb"}),
    # Who it is for.
    ("it's for my mother", "WhoForIntent", {"person": "mother"}),
    ("it's about me", "WhoForIntent", {"person": "me"}),
    ("I'm asking for my dad", "WhoForIntent", {"person": "father"}),
    ("for someone else", "WhoForIntent", {"person": "someone_else"}),
    # Information.
    ("what causes muscle twitching", "InfoIntent", {"topic": "causes"}),
    (
        "what's the difference between a twitch and a cramp",
        "InfoIntent",
        {"topic": "twitch_vs_cramp"},
    ),
    ("what is a muscle twitch", "InfoIntent", {"topic": "what_is_twitch"}),
    ("when should I call a doctor", "InfoIntent", {"topic": "when_to_call"}),
    ("what will the doctor ask", "InfoIntent", {"topic": "doctor_questions"}),
    # Navigation that must work in every state.
    ("I'm not sure", "UnsureIntent", {}),
    ("I can't tell", "UnsureIntent", {}),
    ("why do you ask", "WhyIntent", {}),
    ("how come", "WhyIntent", {}),
    ("can you speak more slowly", "SlowerIntent", {}),
    ("go back", "AMAZON.PreviousIntent", {}),
    ("change my answer", "AMAZON.PreviousIntent", {}),
]


@pytest.mark.parametrize(
    ("utterance", "intent_name", "slots"),
    KEY_UTTERANCES,
    ids=[utterance for utterance, _, _ in KEY_UTTERANCES],
)
def test_key_utterance_reaches_only_its_intent_with_the_right_values(
    utterance: str, intent_name: str, slots: dict[str, str]
) -> None:
    found = match(utterance)
    assert {name for name, _, _ in found} == {intent_name}
    assert any(slots.items() <= values.items() for _, _, values in found), found
