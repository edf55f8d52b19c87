"""One test per row of the clinical specification's tables and lists, run through the engine
and, where the wording matters, through the simulator."""

import re
from functools import cache
from typing import Any

import pytest

from skill.lambda_function import lambda_handler
from skill.simulator.cli import Simulator, model_path
from skill.simulator.envelope import SIMULATED_SKILL_ID, Session
from skill.simulator.outcome import outcome_of
from skill.simulator.resolver import Resolver
from skill.triage import Engine, Outcome, TriageState, load_content
from skill.triage.load import DEFAULT_CONTENT_DIR
from skill.triage.model import Condition, FactValue

CONTENT = load_content(DEFAULT_CONTENT_DIR)
VOCABULARY = CONTENT.vocabulary
EMERGENCY, CONTACT, SELF_CARE = "emergency", "contact_provider", "self_care"
RANK = {d.id: d.rank for d in CONTENT.dispositions}
SCREEN = ("emergency_screen", "emergency_screen_more")
"""The safety check, in two parts, asked before any other question."""
SIGNS = {part: CONTENT.question(part).asks_about for part in SCREEN}
"""The emergency signs each part of the safety check asks about together."""
PART_OF = {sign: part for part, signs in SIGNS.items() for sign in signs}


def _benign_path() -> tuple[str, ...]:
    engine, state, asked = Engine(CONTENT), TriageState(), []
    while not isinstance(step := engine.next_step(state), Outcome):
        asked.append(step.id)
        value: FactValue = {"duration_days": 3, "location": "calf"}.get(step.fact, "no")
        state = engine.update(state, {step.fact: value})
    return tuple(asked)


BENIGN_PATH = _benign_path()
TURNS = [
    "opening",
    *(f"instead_of_{q}" for q in BENIGN_PATH),
    *(f"along_with_{q}" for q in BENIGN_PATH),
    "after_the_outcome",
]
"""Every moment a user can mention a red flag: first thing, instead of or along with any
answer, and after the outcome was given."""


def said(slot_type, value):
    """The facts a slot value of the vocabulary sets."""
    return dict(VOCABULARY[slot_type][value])


def benign(question_id):
    """The benign answer to a question."""
    question = CONTENT.question(question_id)
    value: FactValue = {"duration_days": 3, "location": "calf"}.get(question.fact, "no")
    return {question.fact: value}


def all_texts(locale, person):
    """Every resolved text of a locale for a person."""
    return {text_id: texts[person] for text_id, texts in CONTENT.texts[locale].items()}


def assert_emergency_at_turn(talk, engine, turn, facts, flag):
    """The red flag leads to the emergency outcome at once, whenever it is mentioned."""
    if turn == "opening":
        result = talk(opening=facts)
        assert result.asked == ()
    elif turn == "after_the_outcome":
        first = talk()
        assert first.outcome.disposition == SELF_CARE
        result_outcome = engine.next_step(engine.update(first.state, facts))
        assert isinstance(result_outcome, Outcome)
        assert result_outcome.disposition == EMERGENCY
        assert flag in result_outcome.reasons
        return
    else:
        mode, _, question_id = turn.partition("_of_" if turn.startswith("instead") else "_with_")
        if mode == "instead":
            result = talk(interrupt=(question_id, facts))
        else:
            result = talk({question_id: {**benign(question_id), **facts}})
        assert result.asked[-1] == question_id, "no question may follow a red flag"
    assert result.outcome.disposition == EMERGENCY
    assert flag in result.outcome.reasons
    assert result.outcome.advice[0] == "call_emergency"


def assert_contact_provider(result, reason):
    """The outcome is contact_provider for this reason, given right after the screen."""
    assert result.asked[0] == "emergency_screen"
    assert result.outcome.disposition == CONTACT
    assert reason in result.outcome.reasons
    assert "triggers" not in result.asked
    assert result.outcome.advice[0] == "contact_provider"
    assert result.outcome.advice[-1] == "provider_safety_net"
    assert not [a for a in result.outcome.advice if a.startswith("tip_")]


def assert_self_care(result):
    """The outcome is self-care: reassurance first, the safety net last."""
    assert result.outcome.disposition == SELF_CARE
    assert result.outcome.reasons == ()
    assert result.outcome.advice[0] == "self_care"
    assert result.outcome.advice[-1] == "self_care_safety_net"


# The skill gives triage advice, not a diagnosis.

NERVE_DISEASES = ["amyotrophic", "ALS", "Lou Gehrig", "Isaac", "neuropathy", "atrophy", "myopathy"]
SERIOUS_DISEASE_ANSWER = "info.serious_disease"
"""The answer to "is it ALS?": the one text that may name ALS, as an example."""
SAYS_HAVE_IT_OR_NOT = [
    "you have",
    "you don't have",
    "you do not have",
    "you may have",
    "you might have",
    "they have",
    "they don't have",
    "they may have",
    "unlikely",
    "rule out",
    "ruled out",
    "probably",
    "isn't als",
    "not als",
]
"""Words that would say or imply that the person has, or has not, the disease."""


@pytest.mark.parametrize("locale", sorted(CONTENT.texts))
def test_no_text_names_a_nervous_system_disease_but_the_als_answer_naming_als(locale):
    for person in ("self", "other"):
        for text_id, text in all_texts(locale, person).items():
            for disease in NERVE_DISEASES:
                if (text_id, disease) == (SERIOUS_DISEASE_ANSWER, "ALS"):
                    continue
                assert not re.search(rf"\b{disease}\b", text, re.IGNORECASE), (text_id, disease)


@pytest.mark.parametrize("locale", sorted(CONTENT.texts))
def test_the_als_answer_names_als_as_an_example_and_never_says_you_have_it_or_not(locale):
    for person in ("self", "other"):
        text = CONTENT.text(locale, SERIOUS_DISEASE_ANSWER, person)
        assert re.search(r"\blike ALS\b", text), "ALS only as an example of nerve problems"
        lowered = text.lower()
        for words in SAYS_HAVE_IT_OR_NOT:
            assert not re.search(rf"\b{re.escape(words)}\b", lowered), (words, text)
        for words in ["common and normal", "weakness", "thinner", "feeling", "doctor can check"]:
            assert words in lowered, (words, text)
        assert "worry alone is a good reason to call" in lowered


# Dispositions (highest acuity first)


def test_dispositions_are_emergency_then_contact_provider_then_self_care():
    assert [d.id for d in CONTENT.dispositions] == [EMERGENCY, CONTACT, SELF_CARE]


def test_emergency_says_call_the_emergency_number_first_and_repeats_it_once(talk):
    advice = talk({"emergency_screen": {"emergency_screen": "yes"}}).outcome.advice
    assert advice[0] == "call_emergency"
    assert advice[-1] == "call_emergency_again"
    assert advice.count("call_emergency") == advice.count("call_emergency_again") == 1
    for person in ("self", "other"):
        text = CONTENT.text("en-US", "advice.call_emergency", person)
        assert "can't make the call" in text, "Alexa cannot place the call: the user must phone"


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [
        ("en-US", "9 1 1"),
        ("en-CA", "9 1 1"),
        ("en-GB", "9 9 9"),
        ("en-AU", "triple zero"),
        ("en-IN", "1 1 2"),
    ],
)
def test_emergency_number_is_the_local_one(locale, spoken):
    for text_id in ("advice.call_emergency", "advice.call_emergency_again"):
        for person in ("self", "other"):
            assert f"call {spoken}" in CONTENT.text(locale, text_id, person).lower()


def test_contact_provider_says_call_your_provider_soon_and_gives_the_reasons(talk):
    opening = {**said("Symptom", "worried"), **said("HealthFactor", "steroids")}
    result = talk(opening=opening)
    assert_contact_provider(result, "worried")
    assert result.outcome.reasons == ("medicine", "worried")
    assert result.asked == SCREEN
    text = CONTENT.text("en-US", "advice.contact_provider")
    assert "health care provider soon" in text
    assert "tell them what you told me" in text


def test_self_care_says_likely_benign_with_matched_tips_and_a_safety_net(talk):
    result = talk({"triggers": said("Trigger", "stress")})
    assert_self_care(result)
    assert result.outcome.advice == ("self_care", "tip_stress", "self_care_safety_net")
    assert "harmless" in CONTENT.text("en-US", "advice.self_care")


def test_outcome_is_the_highest_disposition_any_rule_reaches(engine):
    facts = {"trigger_caffeine": "yes", "weakness": "yes"}
    state = engine.update(TriageState(), facts)
    assert engine.outcome(state).disposition == CONTACT
    assert engine.outcome(state).triggers == ("trigger_caffeine",)
    assert "tip_caffeine" not in engine.outcome(state).advice
    state = engine.update(state, {"rf_speech": "yes"})
    assert engine.outcome(state).disposition == EMERGENCY
    assert engine.outcome(state).reasons == ("rf_speech",)


def _leaves(condition: Condition):
    if condition.any_of:
        for part in condition.any_of:
            yield from _leaves(part)
    elif condition.over is not None:
        yield condition.fact, condition.over + 1
    else:
        yield from ((condition.fact, value) for value in condition.values)


CONCERNING = sorted({leaf for rule in CONTENT.rules for leaf in _leaves(rule.when)}, key=str)


@pytest.mark.parametrize(("fact", "value"), CONCERNING)
def test_adding_a_concerning_answer_never_lowers_the_outcome(engine, fact, value):
    state = TriageState()
    for facts in [{}, *(benign(q) for q in BENIGN_PATH), {"weakness": "yes"}, {"rf_fever": "yes"}]:
        state = engine.update(state, facts)
        before = RANK[engine.outcome(state).disposition]
        if state.facts.get(fact) in (None, "no"):
            after = RANK[engine.outcome(engine.update(state, {fact: value})).disposition]
            assert after <= before


# Emergency red flags: emergency at once, whenever they are mentioned


@pytest.mark.parametrize("turn", TURNS)
@pytest.mark.parametrize("value", ["fainting", "confusion", "hard_to_wake"])
def test_change_in_consciousness_is_an_emergency_at_any_turn(talk, engine, turn, value):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", value), "rf_consciousness")


@pytest.mark.parametrize("turn", TURNS)
@pytest.mark.parametrize("value", ["slurred_speech", "cannot_speak"])
def test_slurred_speech_or_suddenly_unable_to_speak_is_an_emergency_at_any_turn(
    talk, engine, turn, value
):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", value), "rf_speech")


@pytest.mark.parametrize("turn", TURNS)
def test_fever_over_101_fahrenheit_is_an_emergency_at_any_turn(talk, engine, turn):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", "high_fever"), "rf_fever")


@pytest.mark.parametrize(
    ("locale", "fever"),
    [
        ("en-US", "101 degrees Fahrenheit"),
        ("en-CA", "101 degrees Fahrenheit"),
        ("en-IN", "101 degrees Fahrenheit"),
        ("en-GB", "38.3 degrees Celsius"),
        ("en-AU", "38.3 degrees Celsius"),
    ],
)
def test_fever_threshold_is_101_fahrenheit_or_38_3_celsius(locale, fever):
    for text_id in ("question.emergency_screen", "question.rf_fever", "reason.rf_fever"):
        assert fever in CONTENT.text(locale, text_id)


@pytest.mark.parametrize("turn", TURNS)
@pytest.mark.parametrize("value", ["one_sided_weakness", "face_drooping"])
def test_sudden_weakness_on_one_side_is_an_emergency_at_any_turn(talk, engine, turn, value):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", value), "rf_one_sided_weakness")


@pytest.mark.parametrize("turn", TURNS)
def test_paralysis_is_an_emergency_at_any_turn(talk, engine, turn):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", "paralysis"), "rf_paralysis")


@pytest.mark.parametrize("turn", TURNS)
@pytest.mark.parametrize("value", ["trouble_breathing", "trouble_swallowing"])
def test_trouble_breathing_or_swallowing_is_an_emergency_at_any_turn(talk, engine, turn, value):
    facts = said("Symptom", value)
    assert_emergency_at_turn(talk, engine, turn, facts, "rf_breathing_swallowing")


@pytest.mark.parametrize("turn", TURNS)
def test_possible_overdose_is_an_emergency_at_any_turn(talk, engine, turn):
    assert_emergency_at_turn(talk, engine, turn, said("Symptom", "overdose"), "rf_overdose")


@pytest.mark.parametrize("part", SCREEN)
def test_yes_on_either_part_of_the_emergency_screen_is_an_emergency(talk, part):
    result = talk({part: {part: "yes"}})
    assert result.asked == SCREEN[: SCREEN.index(part) + 1]
    assert result.outcome.disposition == EMERGENCY
    assert result.outcome.reasons == ("emergency_screen_positive",)
    assert result.outcome.advice[0] == "call_emergency"


@pytest.mark.parametrize(
    "opening",
    [{}, said("Symptom", "weakness"), said("Trigger", "caffeine"), {"duration_days": 30}],
    ids=["nothing", "weakness", "caffeine", "a_month"],
)
def test_the_emergency_screen_comes_before_any_other_question(talk, opening):
    assert talk(opening=opening).asked[:2] == SCREEN


def test_every_red_flag_is_on_the_emergency_screen(content):
    flags = set(content.red_flags) - set(SCREEN)
    assert [q.fact for q in content.questions[:1]] == ["emergency_screen"]
    assert [q.id for q in content.questions if q.asks_about] == list(SCREEN)
    assert flags == set(PART_OF), "every sign is asked about in one part of the safety check"
    for part, signs in SIGNS.items():
        asked_one_by_one = {
            q.fact
            for q in content.questions
            if q.ask_if is not None and q.ask_if.holds({part: "unsure"})
        }
        assert asked_one_by_one == set(signs), part
    screen_ends = max(i for i, q in enumerate(content.questions) if q.fact in content.red_flags)
    first_other = min(i for i, q in enumerate(content.questions) if q.fact not in content.red_flags)
    assert screen_ends < first_other, "no other question comes before the whole safety check"


@pytest.mark.parametrize("part", SCREEN)
def test_unsure_on_a_part_of_the_emergency_screen_asks_its_signs_in_turn(talk, part):
    result = talk({part: {part: "unsure"}})
    at = result.asked.index(part)
    assert result.asked[: at + 1] == SCREEN[: SCREEN.index(part) + 1]
    assert result.asked[at + 1 : at + 1 + len(SIGNS[part])] == SIGNS[part]
    other_signs = [s for p in SCREEN if p != part for s in SIGNS[p]]
    assert not set(other_signs) & set(result.asked), "the other part's signs are not asked"
    assert result.outcome.disposition == SELF_CARE, "no to every sign: the usual questions follow"


@pytest.mark.parametrize("sign", sorted(PART_OF))
def test_yes_to_a_sign_asked_one_by_one_is_an_emergency(talk, sign):
    part = PART_OF[sign]
    result = talk({part: {part: "unsure"}, sign: {sign: "yes"}})
    assert result.asked[-1] == sign
    assert result.outcome.disposition == EMERGENCY
    assert result.outcome.reasons == (sign,)


@pytest.mark.parametrize("unsure", sorted(PART_OF))
def test_still_unsure_after_one_by_one_is_at_least_contact_provider_with_call_if_in_doubt(
    talk, content, unsure
):
    part = PART_OF[unsure]
    result = talk({part: {part: "unsure"}, unsure: {unsure: "unsure"}})
    at = result.asked.index(part)
    assert result.asked[at + 1 : at + 1 + len(SIGNS[part])] == SIGNS[part], "every sign is asked"
    assert result.asked[-1] in SCREEN + SIGNS[part], "nothing but the safety check is asked"
    assert result.outcome.disposition == CONTACT
    assert "emergency_unsure" in result.outcome.reasons
    assert "emergency_if_in_doubt" in result.outcome.advice
    for locale in content.texts:
        assert "may be an emergency" in content.text(locale, "advice.emergency_if_in_doubt")
    every = {s: {s: "unsure"} for s in PART_OF}
    all_unsure = talk({p: {p: "unsure"} for p in SCREEN} | every)
    assert all_unsure.outcome.disposition == CONTACT
    assert "emergency_if_in_doubt" in all_unsure.outcome.advice


# Reasons for contact_provider


@pytest.mark.parametrize(
    "answers",
    [{"nerve_signs": {"weakness": "yes"}}, {"location": {"location": "calf", "weakness": "yes"}}],
    ids=["named_at_the_question", "volunteered_earlier"],
)
def test_twitching_with_weakness_means_contact_provider(talk, answers):
    assert said("Symptom", "weakness") == {"weakness": "yes"}
    assert_contact_provider(talk(answers), "weakness")


@pytest.mark.parametrize(
    "answers",
    [
        {"nerve_signs": {"muscle_wasting": "yes"}},
        {"duration": {"duration_days": 2, **said("Symptom", "muscle_wasting")}},
    ],
    ids=["named_at_the_question", "volunteered_earlier"],
)
def test_loss_of_muscle_size_means_contact_provider(talk, answers):
    assert_contact_provider(talk(answers), "muscle_wasting")


@pytest.mark.parametrize("value", ["numbness", "tingling"])
def test_loss_of_or_change_in_sensation_means_contact_provider(talk, value):
    assert_contact_provider(talk({"nerve_signs": said("Symptom", value)}), "sensation_change")


@pytest.mark.parametrize("days", [15, 21, 60, 365])
def test_twitching_for_more_than_two_weeks_means_contact_provider(talk, days):
    assert_contact_provider(talk({"duration": {"duration_days": days}}), "long_duration")


@pytest.mark.parametrize("days", [0, 1, 7, 13, 14])
def test_fourteen_days_is_not_more_than_two_weeks(talk, days):
    result = talk({"duration": {"duration_days": days}})
    assert_self_care(result)
    assert said("DurationPhrase", "couple_of_weeks") == {"duration_days": 14}


@pytest.mark.parametrize(
    "answer",
    [
        said("BodyLocation", "more_than_one_place"),
        said("BodyLocation", "all_over"),
        {"multiple_places": "yes"},
        {"location": "calf", **said("Symptom", "spreading")},
    ],
    ids=["more_than_one_place", "all_over", "named_option", "spreading"],
)
def test_twitching_in_more_than_one_place_or_spreading_means_contact_provider(talk, answer):
    assert_contact_provider(talk({"location": answer}), "multiple_places")


@pytest.mark.parametrize("value", ["water_pills", "steroids", "estrogen", "new_prescription"])
def test_a_medicine_that_may_cause_it_means_contact_provider(talk, value):
    assert_contact_provider(talk({"health_factors": said("HealthFactor", value)}), "medicine")


@pytest.mark.parametrize("person", ["self", "other"])
def test_medicine_reason_says_not_to_stop_it(talk, content, person):
    result = talk({"health_factors": said("HealthFactor", "water_pills")})
    assert "keep_taking_medicine" in result.outcome.advice
    text = content.text("en-US", "advice.keep_taking_medicine", person).lower()
    assert "stop" in text
    assert "provider first" in text


@pytest.mark.parametrize("value", ["kidney_disease", "low_potassium"])
def test_kidney_disease_or_low_potassium_means_contact_provider(talk, value):
    result = talk({"health_factors": said("HealthFactor", value)})
    assert_contact_provider(result, "kidney_or_potassium")


@pytest.mark.parametrize("person", ["self", "other"])
def test_pregnancy_means_telling_the_pregnancy_care_provider(talk, content, person):
    result = talk({"health_factors": said("HealthFactor", "pregnant")})
    assert_contact_provider(result, "pregnant")
    assert "tell_pregnancy_provider" in result.outcome.advice
    assert "pregnancy" in content.text("en-US", "advice.tell_pregnancy_provider", person)


@pytest.mark.parametrize(
    "answers",
    [
        {"worried": {"worried": "yes"}},
        {"location": {"location": "eyelid", **said("Symptom", "worried")}},
    ],
    ids=["answered", "volunteered"],
)
def test_twitching_that_worries_the_user_means_contact_provider(talk, answers):
    assert_contact_provider(talk(answers), "worried")


# Conservative additions in the content (marked "added" in their sources)


@pytest.mark.parametrize("value", ["yes", "unsure"])
def test_yes_or_not_sure_to_weakness_thinner_muscle_or_numbness_means_contact_provider(talk, value):
    assert_contact_provider(talk({"nerve_signs": {"nerve_signs": value}}), "nerve_signs")


def test_not_knowing_how_long_it_has_lasted_means_contact_provider(talk):
    assert_contact_provider(talk({"duration": {"duration_days": "unsure"}}), "duration_unsure")


def test_not_sure_where_the_twitching_is_means_contact_provider(talk):
    assert_contact_provider(talk({"location": {"location": "unsure"}}), "location_unsure")


def test_not_sure_about_more_than_one_place_means_contact_provider(talk):
    assert_contact_provider(talk({"location": {"multiple_places": "unsure"}}), "multiple_places")


@pytest.mark.parametrize("value", ["yes", "unsure"])
def test_yes_or_not_sure_to_health_factors_gives_medicine_and_pregnancy_advice(talk, value):
    result = talk({"health_factors": {"health_factors": value}})
    assert_contact_provider(result, "health_factors")
    assert {"keep_taking_medicine", "tell_pregnancy_provider_if"} <= set(result.outcome.advice)


def test_not_sure_whether_it_worries_the_user_means_contact_provider(talk):
    assert_contact_provider(talk({"worried": {"worried": "unsure"}}), "worried")


# self_care: triggers and matching tips


def assert_trigger_tip(talk, value, trigger, tip, words):
    result = talk({"triggers": said("Trigger", value)})
    assert_self_care(result)
    assert result.outcome.triggers == (trigger,)
    assert result.outcome.advice == ("self_care", tip, "self_care_safety_net")
    for person in ("self", "other"):
        text = CONTENT.text("en-US", f"advice.{tip}", person).lower()
        assert all(word in text for word in words), (person, text)


@pytest.mark.parametrize("value", ["caffeine", "energy_drinks", "stimulants"])
def test_caffeine_trigger_adds_the_cut_down_tip(talk, value):
    assert_trigger_tip(talk, value, "trigger_caffeine", "tip_caffeine", ["cut down", "energy"])


@pytest.mark.parametrize("value", ["lack_of_sleep", "tiredness"])
def test_lack_of_sleep_trigger_adds_the_rest_and_sleep_tip(talk, value):
    assert_trigger_tip(talk, value, "trigger_sleep", "tip_sleep", ["rest", "sleep"])


@pytest.mark.parametrize("value", ["stress", "anxiety"])
def test_stress_trigger_adds_the_relax_tip_saying_twitches_are_usually_harmless(talk, value):
    words = ["relax", "usually harmless", "worse"]
    assert_trigger_tip(talk, value, "trigger_stress", "tip_stress", words)


def test_exercise_trigger_adds_the_rest_stretch_and_massage_tip(talk):
    words = ["common after exercise", "stretch", "massage"]
    assert_trigger_tip(talk, "exercise", "trigger_exercise", "tip_exercise", words)


@pytest.mark.parametrize("value", ["poor_diet", "skipped_meals"])
def test_poor_diet_trigger_adds_the_balanced_meals_tip(talk, value):
    assert_trigger_tip(talk, value, "trigger_diet", "tip_diet", ["balanced meals"])


def test_alcohol_trigger_adds_the_cut_down_tip(talk):
    assert_trigger_tip(talk, "alcohol", "trigger_alcohol", "tip_alcohol", ["cut", "alcohol"])


def test_each_trigger_found_adds_its_tip(talk):
    named = {"trigger_caffeine": "yes", "trigger_sleep": "yes", "trigger_alcohol": "yes"}
    result = talk({"triggers": named})
    assert_self_care(result)
    assert result.outcome.advice == (
        "self_care",
        "tip_caffeine",
        "tip_sleep",
        "tip_alcohol",
        "self_care_safety_net",
    )


def test_triggers_without_naming_one_give_the_general_tips(talk):
    result = talk({"triggers": {"triggers": "yes"}})
    assert_self_care(result)
    assert result.outcome.advice == ("self_care", "tip_general", "self_care_safety_net")


def test_not_sure_about_triggers_gives_self_care_without_claiming_a_trigger(talk):
    result = talk({"triggers": {"triggers": "unsure"}})
    assert_self_care(result)
    assert result.outcome.triggers == ()
    assert result.outcome.advice == ("self_care", "self_care_safety_net")


@pytest.mark.parametrize(
    "answers",
    [
        {"worried": {"worried": "yes"}},
        {"duration": {"duration_days": 20}},
        {"nerve_signs": {"weakness": "yes"}},
        {"health_factors": {"pregnant": "yes"}},
    ],
    ids=["worried", "three_weeks", "weakness", "pregnant"],
)
def test_triggers_are_asked_only_when_nothing_above_applies(talk, answers):
    assert talk().asked[-1] == "triggers"
    assert "triggers" not in talk(answers).asked


@pytest.mark.parametrize("place", ["eyelid", "calf", "thumb"])
def test_eyelid_calf_and_thumb_twitches_of_a_few_days_are_typical_benign_ones(talk, place):
    assert_self_care(talk({"location": said("BodyLocation", place)}))


@pytest.mark.parametrize(
    "triggers",
    [{"triggers": "no"}, {"triggers": "yes"}, {"trigger_exercise": "yes", "trigger_diet": "yes"}],
    ids=["none", "unnamed", "exercise_and_diet"],
)
@pytest.mark.parametrize("locale", sorted(CONTENT.texts))
def test_self_care_always_ends_with_the_safety_net(talk, content, triggers, locale):
    result = talk({"triggers": triggers})
    assert result.outcome.advice[-1] == "self_care_safety_net"
    for person in ("self", "other"):
        text = content.text(locale, "advice.self_care_safety_net", person)
        assert re.search(r"\b(more than|over) two weeks\b", text), text
        for words in ["spreads", "weakness", "stiffness", "thinner muscle", "numbness", "worries"]:
            assert words in text, (words, text)
        assert "emergency sign" in text
        again = content.text(locale, "advice.call_emergency_again", person)
        spoken = re.search(r"call (.+?)( for them)? now", again).group(1)
        assert f"call {spoken}" in text, "the emergency number of the locale"


# For the doctor visit


def test_doctor_visit_read_back_covers_what_the_provider_will_ask(content):
    items = {item.id: item for item in content.doctor_questions}
    assert list(items) == [
        "first_noticed",
        "how_long_each",
        "how_often",
        "which_muscles",
        "same_location",
        "pregnant",
        "other_symptoms",
        "medicine_list",
    ]
    assert items["first_noticed"].answered_by == ("duration_days",)
    assert items["which_muscles"].answered_by == ("location",)
    assert items["same_location"].answered_by == ("multiple_places",)
    assert items["pregnant"].answered_by == ("pregnant",)
    assert items["pregnant"].ask_if is not None
    assert not items["pregnant"].ask_if.holds({"male": "yes"})
    assert items["pregnant"].ask_if.holds({}) and items["pregnant"].ask_if.holds({"male": "no"})
    assert items["medicine_list"].answered_by == ()
    for item in items.values():
        assert all(fact in content.facts for fact in item.answered_by)
        assert all(f"doctor.{item.id}" in texts for texts in content.texts.values())


# Caregivers

SECOND_PERSON = re.compile(r"\b(your|are you|do you|have you|you are|you have)\b", re.IGNORECASE)


@pytest.mark.parametrize("locale", sorted(CONTENT.texts))
def test_a_caregiver_hears_every_question_and_advice_about_them(content, locale):
    texts = all_texts(locale, "other")
    for text_id, text in texts.items():
        if text_id.startswith(("question.", "advice.")):
            assert not SECOND_PERSON.search(text), (text_id, text)
        if text_id.startswith("question."):
            assert re.search(r"\b(they|them|their)\b", text), (text_id, text)
    assert "for them now" in texts["advice.call_emergency"]
    assert "for them now" in texts["advice.emergency_if_in_doubt"]
    assert content.persons["Person"]["mother"] == "other"
    assert content.persons["Person"]["me"] == "self"


# Revision 2: one test per row marked [rev 2], through the engine and the simulator


@cache
def _resolver(locale: str) -> Resolver:
    return Resolver.from_file(model_path(locale))


def converse(
    *lines: str, one_shot: str | None = None, locale: str = "en-US"
) -> list[dict[str, Any]]:
    """A whole conversation through the simulator: the first response, then one per line."""
    sim = Simulator(
        lambda_handler, _resolver(locale), Session(SIMULATED_SKILL_ID, locale), outcome_of
    )
    return [sim.first(one_shot), *(sim.say(line) for line in lines)]


def text_of(text_id: str, person: str = "self") -> str:
    """A text as said in the US."""
    return CONTENT.text("en-US", text_id, person)


BENIGN_LINES = ("me", "no", "no", "my calf", "three days", "no", "no", "no", "none", "no")
"""A short, harmless calf twitch told line by line: who for, the two parts of the safety check,
where, how long, nerve signs, health factors, worry, triggers (self-care), then no to the offer."""
CAREGIVER_LINES = (
    "my mother",
    "no",
    "no",
    "her calf",
    "three days",
    "no",
    "no",
    "no",
    "none",
    "no",
)
POINTS = [
    "who_for",
    "safety_check",
    "safety_check_more",
    "location",
    "duration",
    "nerve_signs",
    "health_factors",
    "worried",
    "triggers",
    "offer",
]
"""The moments of that conversation: before BENIGN_LINES[i] is said."""


def assert_emergency_reply(record: dict[str, Any], reason: str, *, caregiver: bool = False) -> None:
    """The emergency answer at once: the number said twice, and the session ends."""
    for_them = " for them" if caregiver else ""
    assert record["outcome"] == {"disposition": EMERGENCY, "reasons": [reason]}, record["speech"]
    assert f"Call 9 1 1{for_them} now." in record["speech"]
    assert f"Again, call 9 1 1{for_them} now." in record["speech"]
    assert record["end_session"] is True


def test_the_safety_check_asks_about_consciousness_since_the_twitching_began(content):
    for locale in content.texts:
        for person in ("self", "other"):
            for text_id in ("question.emergency_screen", "question.rf_consciousness"):
                assert "since the twitching began" in content.text(locale, text_id, person).lower()
    rule = next(r for r in content.rules if r.id == "rf_consciousness")
    assert any("since the twitching began" in c.quote for c in rule.source)


@pytest.mark.parametrize("point", range(len(POINTS)), ids=POINTS)
@pytest.mark.parametrize("said", ["I fainted this morning", "I passed out earlier"])
def test_fainting_since_the_twitching_began_is_an_emergency_whenever_it_is_said(point, said):
    *_, reply = converse(*BENIGN_LINES[:point], said)
    assert_emergency_reply(reply, "rf_consciousness")


@pytest.mark.parametrize("point", range(len(POINTS)), ids=POINTS)
def test_a_caregiver_saying_she_fainted_yesterday_is_told_to_call_for_them(point):
    *_, reply = converse(*CAREGIVER_LINES[:point], "she fainted yesterday")
    assert_emergency_reply(reply, "rf_consciousness", caregiver=True)


@pytest.mark.parametrize(
    "answers",
    [
        {"nerve_signs": {"stiffness": "yes"}},
        {"location": {"location": "calf", "stiffness": "yes"}},
        {"nerve_signs": {"stiffness": "unsure"}},
    ],
    ids=["named_at_the_question", "volunteered_earlier", "not_sure"],
)
def test_a_stiff_muscle_means_contact_provider(talk, content, answers):
    assert_contact_provider(talk(answers), "stiffness")
    assert "stiffness" in content.question("nerve_signs").options
    for locale in content.texts:
        for person in ("self", "other"):
            assert "stiffness" in content.text(locale, "question.nerve_signs", person)
            assert "stiffness" in content.text(locale, "advice.self_care_safety_net", person)


def test_a_stiff_calf_said_at_the_nerve_signs_question_is_read_back_as_the_reason():
    *_, asked, reply = converse(*BENIGN_LINES[:5], "my calf feels stiff")
    assert "weakness or stiffness" in asked["speech"]
    assert reply["outcome"] == {"disposition": CONTACT, "reasons": ["stiffness"]}
    assert "The reason is a muscle that feels stiff." in reply["speech"]
    assert text_of("question.health_factors") not in reply["speech"]


STIMULANT_MEDICINES = ["ADHD medicine", "decongestants", "diet pills"]


def test_stimulant_medicines_are_medicines_and_the_cut_down_tip_names_none(content):
    assert said("HealthFactor", "stimulant_medicine") == {"medicine": "yes"}
    for locale in content.texts:
        for person in ("self", "other"):
            tip = content.text(locale, "advice.tip_caffeine", person).lower()
            assert "cut down" in tip
            assert not re.search(r"medicine|medication|decongestant|adhd|diet pill|stimulant", tip)


def test_a_stimulant_medicine_means_contact_provider_and_never_the_cut_down_tip(talk):
    medicine = said("HealthFactor", "stimulant_medicine")
    result = talk({"health_factors": medicine})
    assert_contact_provider(result, "medicine")
    assert "keep_taking_medicine" in result.outcome.advice
    with_coffee = talk({"health_factors": medicine}, opening=said("Trigger", "caffeine"))
    assert with_coffee.outcome.disposition == CONTACT
    assert with_coffee.outcome.reasons == ("medicine",)
    assert "tip_caffeine" not in with_coffee.outcome.advice


@pytest.mark.parametrize("point", ["health_factors", "triggers"])
@pytest.mark.parametrize("medicine", STIMULANT_MEDICINES)
def test_a_stimulant_medicine_named_at_any_list_is_a_medicine_reason_without_the_cut_down_tip(
    point, medicine
):
    lines = BENIGN_LINES[: POINTS.index(point)]
    *_, reply, details = converse(*lines, medicine, "yes")
    assert reply["outcome"] == {"disposition": CONTACT, "reasons": ["medicine"]}
    assert "The reason is a medicine that can cause twitching." in reply["speech"]
    assert text_of("advice.keep_taking_medicine") in reply["speech"]
    for record in (reply, details):
        said_and_shown = f"{record['speech']} {(record['card'] or {}).get('text', '')}".lower()
        assert "cut down" not in said_and_shown, "the cut-down tip is for caffeine only"
    assert "Take a list of every medicine you use" in details["speech"]


EYELID_SIGNS = ("lid_closing", "lid_drooping", "eye_red", "face_spreading")


@pytest.mark.parametrize("place", sorted(str(p) for p in CONTENT.places))
def test_eyelid_warning_signs_are_asked_only_for_an_eyelid_or_face_twitch(talk, place):
    result = talk({"location": {"location": place}})
    assert ("eyelid_signs" in result.asked) == (place in ("eyelid", "face")), result.asked


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        *((sign, "yes") for sign in EYELID_SIGNS),
        ("eyelid_signs", "yes"),
        ("eyelid_signs", "unsure"),
    ],
)
def test_an_eyelid_warning_sign_means_contact_provider(talk, content, answer, value):
    result = talk({"location": {"location": "eyelid"}, "eyelid_signs": {answer: value}})
    assert_contact_provider(result, "eyelid_signs")
    assert result.asked[-1] == "eyelid_signs"
    assert content.question("eyelid_signs").options == EYELID_SIGNS
    rule = next(r for r in content.rules if r.id == "eyelid_signs")
    assert [c.kind for c in rule.source if c.kind == "mayo"], "sourced from the Mayo Clinic page"


@pytest.mark.parametrize(
    ("lines", "caregiver"),
    [
        (("me", "no", "no", "my eyelid", "three days", "yes it droops"), False),
        (("my mother", "no", "no", "her face", "three days", "her eye is red"), True),
    ],
    ids=["drooping_lid", "red_eye_caregiver"],
)
def test_an_eyelid_warning_sign_said_at_its_question_is_read_back_as_the_reason(lines, caregiver):
    *_, asked, reply = converse(*lines)
    person = "other" if caregiver else "self"
    assert text_of("question.eyelid_signs", person) in asked["speech"]
    assert reply["outcome"] == {"disposition": CONTACT, "reasons": ["eyelid_signs"]}
    assert (
        "The reason is a sign in the eyelid or eye that a doctor should check." in reply["speech"]
    )


def test_the_doctor_read_back_names_the_eyelid_sign_found():
    lines = ("me", "no", "no", "my eyelid", "three days", "yes the lid is drooping", "yes")
    read_back = converse(*lines)[-1]
    assert (
        "What other symptoms are there? You told me: Eyelid drooping: yes." in read_back["speech"]
    )


def test_self_care_says_how_long_harmless_twitches_last_as_the_sources_do(content):
    for locale in content.texts:
        for person in ("self", "other"):
            for text_id in ("advice.self_care", "why.duration"):
                text = content.text(locale, text_id, person)
                assert "a few days" in text and "a couple of weeks" in text, (locale, text)
                assert "within a few days" not in text


def test_a_ten_day_twitch_hears_it_may_take_a_couple_of_weeks_then_the_safety_net():
    lines = ("me", "no", "no", "my calf", "ten days", "no", "no", "no", "none")
    reply = converse(*lines)[-1]
    assert reply["outcome"] == {"disposition": SELF_CARE, "reasons": []}
    speech = reply["speech"]
    reassurance = "Most settle in a few days, some in a couple of weeks."
    safety_net = text_of("advice.self_care_safety_net")
    assert reassurance in speech and safety_net in speech
    assert speech.index(reassurance) < speech.index(safety_net)
    assert (
        "Call your health care provider if it lasts over two weeks, spreads, or worries you."
        in (safety_net)
    )
    assert "For any emergency sign, call 9 1 1." in safety_net


@pytest.mark.parametrize("point", range(len(POINTS)), ids=POINTS)
@pytest.mark.parametrize("question", ["is it als", "could it be als", "could this be ALS"])
def test_is_it_als_is_answered_at_any_point_then_the_pending_question_is_restated(point, question):
    answer_text = text_of(SERIOUS_DISEASE_ANSWER)
    before_lines, next_line = BENIGN_LINES[:point], BENIGN_LINES[point]
    *_, before, answer, after = converse(*before_lines, question, next_line)
    assert answer["speech"].startswith(answer_text), answer["speech"]
    pending = answer["speech"][len(answer_text) :].strip()
    assert pending, "the pending question is restated"
    assert before["speech"].endswith(pending), (pending, before["speech"])
    assert answer["outcome"] == before["outcome"]
    assert answer["end_session"] is False
    without = converse(*before_lines, next_line)[-1]
    assert after["speech"] == without["speech"], "the question changes nothing that follows"


MALE_PERSONS = ["my son", "it's for him", "my father", "my husband"]
ASKED_ABOUT_PREGNANCY = {"my mother": "Are they pregnant?", "me": "Are you pregnant?"}


def _to_health_factors_then_read_back(person: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The health-factors question for a person, and the doctor read-back at the end."""
    records = converse(person, "no", "no", "calf", "three days", "no", "none", "no", "none", "yes")
    return records[6], records[-1]


def test_pregnancy_is_offered_unless_the_person_is_known_to_be_male(content):
    question = content.question("health_factors")
    assert "pregnant" not in question.offered({"male": "yes"})
    assert "pregnant" in question.offered({"male": "no"})
    assert "pregnant" in question.offered({})
    for locale in content.texts:
        for person in ("self", "other"):
            for text_id in ("question.health_factors.male", "short.health_factors.male"):
                assert "pregnan" not in content.text(locale, text_id, person).lower()


@pytest.mark.parametrize("person", MALE_PERSONS)
def test_no_pregnancy_question_or_read_back_for_a_male_person(person):
    question, read_back = _to_health_factors_then_read_back(person)
    assert text_of("question.health_factors.male", "other") in question["speech"]
    assert "pregnan" not in question["speech"].lower()
    assert "pregnan" not in (question["reprompt"] or "").lower()
    assert "Here are questions a provider may ask." in read_back["speech"]
    assert "pregnan" not in read_back["speech"].lower()


@pytest.mark.parametrize("person", MALE_PERSONS)
def test_no_pregnancy_on_the_card_for_a_male_person(person):
    records = converse(person, "no", "no", "calf", "three days", "no", "none", "no", "none")
    assert "pregnan" not in records[-1]["card"]["text"].lower()


@pytest.mark.parametrize("person", MALE_PERSONS)
def test_no_pregnancy_in_the_advice_for_a_male_person_who_takes_a_medicine(person):
    records = converse(person, "no", "no", "calf", "three days", "no", "yes")
    outcome = records[-1]
    assert outcome["outcome"]["disposition"] == "contact_provider"
    assert "ask their provider first" in outcome["speech"]
    assert "pregnan" not in outcome["speech"].lower()
    assert "pregnan" not in outcome["card"]["text"].lower()


def test_the_pregnancy_advice_stays_for_a_mother_who_takes_a_medicine():
    records = converse("my mother", "no", "no", "calf", "three days", "no", "yes")
    assert text_of("advice.tell_pregnancy_provider_if", "other") in records[-1]["speech"]


def test_no_pregnancy_in_the_simpler_form_for_a_son():
    lines = ("my son", "no", "no", "calf", "three days", "no", "purple spotty", "banana bread")
    *_, simpler = converse(*lines)
    one_by_one = converse(*lines, "no", "no")
    assert text_of("simple.medicine", "other") in simpler["speech"]
    assert text_of("simple.kidney_or_potassium", "other") in one_by_one[-2]["speech"]
    assert text_of("question.worried", "other") in one_by_one[-1]["speech"]
    assert not [r for r in one_by_one if "pregnan" in r["speech"].lower()]


@pytest.mark.xfail(
    reason=(
        'limit: "his calf" reaches the skill as the location slot alone ("calf"); the word "his" '
        "is a carrier word of the sample, so whether the person is a man is not known from it"
    ),
    strict=True,
)
def test_his_after_someone_else_means_no_pregnancy_question():
    *_, question = converse("someone else", "no", "no", "his calf", "three days", "no")
    assert "pregnan" not in question["speech"].lower()


@pytest.mark.parametrize(("person", "question"), ASKED_ABOUT_PREGNANCY.items())
def test_pregnancy_is_asked_and_read_back_for_a_mother_and_for_oneself(person, question):
    asked, read_back = _to_health_factors_then_read_back(person)
    assert "pregnancy?" in asked["speech"]
    assert question in read_back["speech"]


def test_the_doctor_read_back_has_a_medicine_list_reminder(content):
    for locale in content.texts:
        for person in ("self", "other"):
            text = content.text(locale, "doctor.medicine_list", person).lower()
            assert "list" in text and "medicine" in text


@pytest.mark.parametrize(
    ("person", "reminder"),
    [
        ("me", "Take a list of every medicine you use, including ones you buy yourself."),
        ("my mother", "Take a list of every medicine they use"),
    ],
)
@pytest.mark.parametrize(
    "duration", ["three weeks", "three days"], ids=["contact_provider", "self_care"]
)
def test_the_doctor_read_back_reminds_them_to_bring_a_list_of_medicines(person, reminder, duration):
    lines = [person, "no", "no", "calf", duration]
    if duration == "three days":
        lines += ["no", "none", "no", "none"]
    *_, outcome, read_back = converse(*lines, "yes")
    assert outcome["outcome"]["disposition"] == (
        CONTACT if duration == "three weeks" else SELF_CARE
    )
    assert reminder in read_back["speech"]
    assert read_back["speech"].index(reminder) < read_back["speech"].index("Shall I remind you")


# Every rule is exercised above, and carries its source and review

RULES_BY_ROW = {
    "emergency_screen_positive": test_yes_on_either_part_of_the_emergency_screen_is_an_emergency,
    "rf_consciousness": test_change_in_consciousness_is_an_emergency_at_any_turn,
    "rf_speech": test_slurred_speech_or_suddenly_unable_to_speak_is_an_emergency_at_any_turn,
    "rf_fever": test_fever_over_101_fahrenheit_is_an_emergency_at_any_turn,
    "rf_one_sided_weakness": test_sudden_weakness_on_one_side_is_an_emergency_at_any_turn,
    "rf_paralysis": test_paralysis_is_an_emergency_at_any_turn,
    "rf_breathing_swallowing": test_trouble_breathing_or_swallowing_is_an_emergency_at_any_turn,
    "rf_overdose": test_possible_overdose_is_an_emergency_at_any_turn,
    "emergency_unsure": (
        test_still_unsure_after_one_by_one_is_at_least_contact_provider_with_call_if_in_doubt
    ),
    "weakness": test_twitching_with_weakness_means_contact_provider,
    "stiffness": test_a_stiff_muscle_means_contact_provider,
    "muscle_wasting": test_loss_of_muscle_size_means_contact_provider,
    "sensation_change": test_loss_of_or_change_in_sensation_means_contact_provider,
    "nerve_signs": (
        test_yes_or_not_sure_to_weakness_thinner_muscle_or_numbness_means_contact_provider
    ),
    "long_duration": test_twitching_for_more_than_two_weeks_means_contact_provider,
    "duration_unsure": test_not_knowing_how_long_it_has_lasted_means_contact_provider,
    "multiple_places": test_twitching_in_more_than_one_place_or_spreading_means_contact_provider,
    "eyelid_signs": test_an_eyelid_warning_sign_means_contact_provider,
    "location_unsure": test_not_sure_where_the_twitching_is_means_contact_provider,
    "medicine": test_a_medicine_that_may_cause_it_means_contact_provider,
    "kidney_or_potassium": test_kidney_disease_or_low_potassium_means_contact_provider,
    "pregnant": test_pregnancy_means_telling_the_pregnancy_care_provider,
    "health_factors": test_yes_or_not_sure_to_health_factors_gives_medicine_and_pregnancy_advice,
    "worried": test_twitching_that_worries_the_user_means_contact_provider,
    "trigger_caffeine": test_caffeine_trigger_adds_the_cut_down_tip,
    "trigger_sleep": test_lack_of_sleep_trigger_adds_the_rest_and_sleep_tip,
    "trigger_stress": test_stress_trigger_adds_the_relax_tip_saying_twitches_are_usually_harmless,
    "trigger_exercise": test_exercise_trigger_adds_the_rest_stretch_and_massage_tip,
    "trigger_diet": test_poor_diet_trigger_adds_the_balanced_meals_tip,
    "trigger_alcohol": test_alcohol_trigger_adds_the_cut_down_tip,
    "trigger_unnamed": test_triggers_without_naming_one_give_the_general_tips,
}
"""Which test above exercises each rule of the content."""


def test_every_rule_is_exercised_by_a_spec_test(content):
    assert set(RULES_BY_ROW) == {rule.id for rule in content.rules}


@pytest.mark.parametrize("rule", CONTENT.rules, ids=lambda rule: rule.id)
def test_every_rule_has_a_source_and_a_review(rule):
    assert rule.source, rule.id
    assert all(c.kind in ("seed", "nhs", "mayo", "added") and c.quote.strip() for c in rule.source)
    assert rule.review.reviewed_by.strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rule.review.reviewed_on)


def _everything_cited():
    yield from ((f"rules.{r.id}", r.source) for r in CONTENT.rules)
    yield from ((f"advice.{a.id}", a.source) for a in CONTENT.advice.values())
    yield from ((f"info.{t.id}", t.source) for t in CONTENT.info.values())
    yield from ((f"doctor.{d.id}", d.source) for d in CONTENT.doctor_questions)


@pytest.mark.parametrize(("where", "source"), list(_everything_cited()))
def test_every_seed_quote_is_a_non_empty_string(where, source):
    seeds = [c for c in source if c.kind == "seed"]
    for citation in seeds:
        assert isinstance(citation.quote, str)
        assert citation.quote.strip(), where
        assert re.fullmatch(r"00[04]_[0-9a-f]{16}\.txt", citation.ref), where
