"""The simulator's resolver against the real interaction model, and spoken-duration parsing."""

import pytest

from skill.alexa.slots import duration_days
from skill.simulator.cli import model_path
from skill.simulator.duration import to_iso8601
from skill.simulator.resolver import FALLBACK, Resolver, normalise


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.from_file(model_path("en-US"))


def slot_ids(resolver: Resolver, utterance: str) -> tuple[str, dict[str, str]]:
    """The intent and each filled slot as its value id (or the ISO text for a duration)."""
    resolution = resolver.resolve(utterance)
    return resolution.intent, {
        name: value.value_id or value.heard for name, value in resolution.slots.items()
    }


# Utterances a user would say, and what Alexa should hand the skill for them.
RESOLUTIONS = [
    # Answers to yes/no questions, built-in and custom phrasings
    ("yes", "AMAZON.YesIntent", {}),
    ("yeah", "AMAZON.YesIntent", {}),
    ("I think so", "AMAZON.YesIntent", {}),
    ("no", "AMAZON.NoIntent", {}),
    ("nope", "AMAZON.NoIntent", {}),
    ("not really", "AMAZON.NoIntent", {}),
    ("not sure", "UnsureIntent", {}),
    ("I don't know", "UnsureIntent", {}),
    ("we're not sure", "UnsureIntent", {}),
    # Who it is for
    ("it's for me", "WhoForIntent", {"person": "me"}),
    ("for my mother", "WhoForIntent", {"person": "mother"}),
    ("for my mum", "WhoForIntent", {"person": "mother"}),
    ("I'm asking for my dad", "WhoForIntent", {"person": "father"}),
    ("it's not me it's my partner", "WhoForIntent", {"person": "partner"}),
    # Where
    ("my eyelid", "LocationIntent", {"location": "eyelid"}),
    ("in my right hand", "LocationIntent", {"location": "hand"}),
    ("the back of my calf", "LocationIntent", {"location": "calf"}),
    ("more than one place", "LocationIntent", {"location": "more_than_one_place"}),
    ("all over his body", "LocationIntent", {"location": "all_over"}),
    # How long: custom phrases and AMAZON.DURATION
    ("a fortnight", "DurationIntent", {"durationPhrase": "couple_of_weeks"}),
    ("since yesterday", "DurationIntent", {"durationPhrase": "yesterday"}),
    ("since last week", "DurationIntent", {"durationPhrase": "since_last_week"}),
    ("a few days", "DurationIntent", {"durationPhrase": "few_days"}),
    ("three days", "DurationIntent", {"duration": "P3D"}),
    ("for three weeks", "DurationIntent", {"duration": "P3W"}),
    ("it started two days ago", "DurationIntent", {"duration": "P2D"}),
    ("about 10 days", "DurationIntent", {"duration": "P10D"}),
    ("for the past six months", "DurationIntent", {"duration": "P6M"}),
    # Nerve signs, health factors and triggers
    ("my hand feels weak", "SymptomIntent", {"symptom": "weakness"}),
    ("pins and needles", "SymptomIntent", {"symptom": "tingling"}),
    ("it's spreading", "SymptomIntent", {"symptom": "spreading"}),
    ("I'm on prednisone", "HealthFactorIntent", {"healthFactor": "steroids"}),
    ("I'm pregnant", "HealthFactorIntent", {"healthFactor": "pregnant"}),
    ("no medications", "HealthFactorIntent", {"healthFactor": "none"}),
    (
        "I have kidney disease and I take water pills",
        "HealthFactorIntent",
        {"healthFactor": "kidney_disease", "healthFactorTwo": "water_pills"},
    ),
    ("none of those", "TriggerIntent", {"trigger": "none"}),
    (
        "coffee and not much sleep",
        "TriggerIntent",
        {"trigger": "caffeine", "triggerTwo": "lack_of_sleep"},
    ),
    ("I've been under a lot of stress", "TriggerIntent", {"trigger": "stress"}),
    # Red flags, on their own and inside other answers
    ("I passed out", "SymptomIntent", {"symptom": "fainting"}),
    ("she's slurring her words", "SymptomIntent", {"symptom": "slurred_speech"}),
    ("I can't breathe", "SymptomIntent", {"symptom": "trouble_breathing"}),
    ("he took too many pills", "SymptomIntent", {"symptom": "overdose"}),
    (
        "her calf and she has slurred speech",
        "LocationIntent",
        {"location": "calf", "symptom": "slurred_speech"},
    ),
    (
        "for three days and now a high fever",
        "DurationIntent",
        {"duration": "P3D", "symptom": "high_fever"},
    ),
    (
        "I'm on steroids and can't move my arm",
        "HealthFactorIntent",
        {"healthFactor": "steroids", "symptom": "paralysis"},
    ),
    (
        "coffee and I also have trouble swallowing",
        "TriggerIntent",
        {"trigger": "caffeine", "symptom": "trouble_swallowing"},
    ),
    (
        "numbness and slurred speech",
        "SymptomIntent",
        {"symptom": "numbness", "symptomTwo": "slurred_speech"},
    ),
    # A one-shot description
    (
        "about my eyelid twitching for three days",
        "DescribeTwitchIntent",
        {"location": "eyelid", "duration": "P3D"},
    ),
    (
        "about my mother whose calf has been twitching for three weeks",
        "DescribeTwitchIntent",
        {"person": "mother", "location": "calf", "duration": "P3W"},
    ),
    # Info topics and commands
    ("what causes twitching", "InfoIntent", {"topic": "causes"}),
    ("is it a cramp", "InfoIntent", {"topic": "twitch_vs_cramp"}),
    ("what will the doctor ask", "InfoIntent", {"topic": "doctor_questions"}),
    ("why", "WhyIntent", {}),
    ("why do you ask", "WhyIntent", {}),
    ("slow down", "SlowerIntent", {}),
    ("say that again", "AMAZON.RepeatIntent", {}),
    ("repeat", "AMAZON.RepeatIntent", {}),
    ("go back", "AMAZON.PreviousIntent", {}),
    ("I made a mistake", "AMAZON.PreviousIntent", {}),
    ("start over", "AMAZON.StartOverIntent", {}),
    ("help", "AMAZON.HelpIntent", {}),
    ("what can I say", "AMAZON.HelpIntent", {}),
    ("stop", "AMAZON.StopIntent", {}),
    ("cancel", "AMAZON.CancelIntent", {}),
    ("go home", "AMAZON.NavigateHomeIntent", {}),
]


@pytest.mark.parametrize(("utterance", "intent", "slots"), RESOLUTIONS)
def test_utterance_resolves_to_intent_and_slot_ids(
    resolver: Resolver, utterance: str, intent: str, slots: dict[str, str]
) -> None:
    assert slot_ids(resolver, utterance) == (intent, slots)


@pytest.mark.parametrize(
    "utterance",
    ["the weather is nice", "play some music", "I like turtles", "she just passed out for a bit"],
)
def test_an_utterance_no_sample_carries_reaches_free_speech_with_its_words(
    resolver: Resolver, utterance: str
) -> None:
    resolution = resolver.resolve(utterance)
    assert resolution.intent == "FreeSpeechIntent"
    slot = resolution.slots["speech"]
    assert slot.heard == normalise(utterance)
    assert slot.value_id is None and slot.custom


def test_an_empty_utterance_is_the_fallback_intent(resolver: Resolver) -> None:
    resolution = resolver.resolve("")
    assert resolution.intent == FALLBACK == "AMAZON.FallbackIntent"
    assert resolution.slots == {}


@pytest.mark.parametrize(
    ("utterance", "intent", "slot", "heard"),
    [
        ("for my cat", "WhoForIntent", "person", "cat"),
        ("it's in my left thumb", "LocationIntent", "location", "left thumb"),
    ],
)
def test_carrier_words_with_an_unlisted_value_send_it_unresolved(
    resolver: Resolver, utterance: str, intent: str, slot: str, heard: str
) -> None:
    """As Alexa does (ER_SUCCESS_NO_MATCH): the words reach the skill without a value id."""
    resolution = resolver.resolve(utterance)
    assert resolution.intent == intent
    assert resolution.slots[slot].heard == heard
    assert resolution.slots[slot].value_id is None


def test_case_punctuation_and_curly_apostrophes_are_ignored(resolver: Resolver) -> None:
    assert slot_ids(resolver, "My LEFT Calf!") == ("LocationIntent", {"location": "calf"})
    assert slot_ids(resolver, "It\u2019s for my mother.") == (
        "WhoForIntent",
        {"person": "mother"},
    )


def test_a_custom_slot_keeps_what_was_heard_and_the_resolved_value(resolver: Resolver) -> None:
    slot = resolver.resolve("for my mum").slots["person"]
    assert slot.heard == "mum"
    assert slot.value_id == "mother"
    assert slot.value_name == "mother"
    assert slot.slot_type == "Person"


def test_a_duration_slot_carries_iso_text_and_no_resolved_value(resolver: Resolver) -> None:
    slot = resolver.resolve("three weeks").slots["duration"]
    assert slot.heard == "P3W"
    assert slot.value_id is None
    assert slot.slot_type == "AMAZON.DURATION"


def test_a_resolution_lists_every_slot_of_its_intent_filled_or_not(resolver: Resolver) -> None:
    resolution = resolver.resolve("my eyelid")
    assert resolution.slot_names == ("location", "symptom")
    assert set(resolution.slots) == {"location"}


def test_the_most_literal_sample_wins_over_a_bare_slot(resolver: Resolver) -> None:
    # "no but I'm confused" is a red flag, not a bare no
    assert slot_ids(resolver, "no but I'm confused") == ("SymptomIntent", {"symptom": "confusion"})


# Invocation phrases: "open/ask/tell ... muscle twitch helper ..."
@pytest.mark.parametrize(
    ("said", "rest"),
    [
        ("open muscle twitch helper", ""),
        ("Open Muscle Twitch Helper.", ""),
        ("launch muscle twitch helper", ""),
        ("start muscle twitch helper", ""),
        ("talk to muscle twitch helper", ""),
        ("ask muscle twitch helper", ""),
        (
            "ask muscle twitch helper about my eyelid twitching for three days",
            "about my eyelid twitching for three days",
        ),
        ("ask muscle twitch helper about my mother", "my mother"),
        ("ask muscle twitch helper for help", "help"),
        ("ask muscle twitch helper to start over", "start over"),
        ("tell muscle twitch helper I can't breathe", "i can't breathe"),
        ("ask muscle twitch helper what causes twitching", "what causes twitching"),
    ],
)
def test_invocation_phrases_are_stripped(resolver: Resolver, said: str, rest: str) -> None:
    assert resolver.strip_invocation(said) == (rest, True)


@pytest.mark.parametrize(
    "said", ["my eyelid", "open muscle twitch helpers", "open the muscle twitch helper"]
)
def test_lines_without_the_invocation_are_left_as_they_are(resolver: Resolver, said: str) -> None:
    assert resolver.strip_invocation(said) == (normalise(said), False)


def test_a_joiner_is_kept_when_the_phrase_needs_it(resolver: Resolver) -> None:
    rest, invoked = resolver.strip_invocation("ask muscle twitch helper about twitching")
    assert invoked
    assert rest == "about twitching"
    assert resolver.resolve(rest).intent == "TwitchIntent"


def test_invocation_then_utterance_resolves_like_the_utterance_alone(resolver: Resolver) -> None:
    rest, _ = resolver.strip_invocation(
        "Ask muscle twitch helper about my eyelid twitching for three days"
    )
    assert slot_ids(resolver, rest) == (
        "DescribeTwitchIntent",
        {"location": "eyelid", "duration": "P3D"},
    )


def test_normalise_lowercases_and_keeps_only_words_and_apostrophes() -> None:
    assert normalise("  It\u2019s   MY  left-calf!! ") == "it's my left calf"


# Spoken durations as AMAZON.DURATION values
@pytest.mark.parametrize(
    ("spoken", "iso"),
    [
        ("three days", "P3D"),
        ("3 days", "P3D"),
        ("1 day", "P1D"),
        ("a day", "P1D"),
        ("a week", "P1W"),
        ("two weeks", "P2W"),
        ("Two Weeks", "P2W"),
        ("twenty one days", "P21D"),
        ("thirty days", "P30D"),
        ("a month", "P1M"),
        ("six months", "P6M"),
        ("ten years", "P10Y"),
        ("an hour", "PT1H"),
        ("two hours", "PT2H"),
        ("five minutes", "PT5M"),
    ],
)
def test_spoken_durations_become_iso_8601(spoken: str, iso: str) -> None:
    assert to_iso8601(spoken) == iso


@pytest.mark.parametrize(
    "spoken",
    [
        "",
        "weeks",
        "a few days",
        "a couple of days",
        "half a day",
        "three weeks ago",
        "one hundred days",
        "twenty twenty days",
        "three fortnights",
        "yesterday",
    ],
)
def test_phrases_that_are_not_a_plain_duration_give_none(spoken: str) -> None:
    assert to_iso8601(spoken) is None


@pytest.mark.parametrize(
    ("spoken", "days"),
    [("three days", 3), ("two weeks", 14), ("three weeks", 21), ("a month", 30), ("an hour", 0)],
)
def test_the_skill_reads_the_simulated_duration_as_whole_days(spoken: str, days: int) -> None:
    assert duration_days(to_iso8601(spoken)) == days
