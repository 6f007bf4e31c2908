"""The estimate form: which questions it asks, what each message answers, and its validation action run the way
Rasa runs it (the form's own turns are covered over a real server in tests/conversation/test_estimate.py)."""
import asyncio
from decimal import Decimal

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import (
    INTERRUPTIONS,
    ActionExplainEstimate,
    ActionOfferEstimate,
    ActionRemindEstimate,
    ValidateReimbursementForm,
    is_interruption,
)
from bot.reimbursement import form
from bot.reimbursement.errors import Reason
from bot.reimbursement.questions import QUESTIONS, question

EMPLOYEE_ELSEWHERE = {form.INSURANCE_TYPE: "employee", form.RETIRED: "in_service", form.CITY: "other"}
BENGBU_RESIDENT = {form.INSURANCE_TYPE: "resident", form.CITY: "bengbu"}


def answered(values, *slots):
    return [slot for slot in form.required_slots(values) if slot not in slots]


def test_employees_are_asked_everything_but_the_tertiary_tier_in_order():
    assert form.required_slots({}) == [form.INSURANCE_TYPE, form.RETIRED, form.CITY, form.HOSPITAL_LEVEL,
                                       form.STAY_ORDER, form.TOTAL_COST, form.SELF_FUNDED]


def test_residents_are_not_asked_whether_they_are_retired():
    assert form.RETIRED not in form.required_slots({form.INSURANCE_TYPE: "resident"})


def test_a_bengbu_tertiary_hospital_needs_city_or_provincial():
    assert form.TERTIARY_TIER in form.required_slots(BENGBU_RESIDENT | {form.HOSPITAL_LEVEL: "level_3"})
    assert form.TERTIARY_TIER not in form.required_slots(BENGBU_RESIDENT | {form.HOSPITAL_LEVEL: "level_2"})
    assert form.TERTIARY_TIER not in form.required_slots(
        BENGBU_RESIDENT | {form.HOSPITAL_LEVEL: "level_3_provincial"})
    # The illustrative figures do not tell the two apart.
    assert form.TERTIARY_TIER not in form.required_slots(EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3"})


def test_no_more_questions_once_the_level_has_no_figures():
    values = EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_2"}
    assert form.required_slots(values)[-1] == form.HOSPITAL_LEVEL
    assert form.blocking_problem(values) is Reason.LEVEL_NOT_IN_REGION
    assert "12393" in form.estimate_reply(values, "en") and "cannot estimate" in form.estimate_reply(values, "en")


@pytest.mark.parametrize("text, expected", [
    ("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?",
     {form.HOSPITAL_LEVEL: "level_3", form.TOTAL_COST: "30000.00"}),
    ("我在三级医院花了3万，医保能报多少？", {form.HOSPITAL_LEVEL: "level_3", form.TOTAL_COST: "30000.00"}),
    ("我是蚌埠的退休职工，第二次住院", {form.INSURANCE_TYPE: "employee", form.RETIRED: "retired",
                                   form.CITY: "bengbu", form.STAY_ORDER: "2"}),
    ("城乡居民医保在省级三甲医院住院两万五", {form.INSURANCE_TYPE: "resident", form.HOSPITAL_LEVEL: "level_3_provincial",
                                  form.TOTAL_COST: "25000.00"}),
    ("在三级医院住院报销多少", {form.HOSPITAL_LEVEL: "level_3"}),  # the 三 of 三级 is not a bill of 3 yuan
    ("second stay this year at a level 2 hospital", {form.STAY_ORDER: "2", form.HOSPITAL_LEVEL: "level_2"}),
])
def test_the_first_message_answers_what_it_mentions(text, expected):
    readings = {slot: form.read(slot, text, asked=False, first_message=True) for slot in form.SLOTS}
    assert {slot: reading.value for slot, reading in readings.items() if reading} == expected


def test_amounts_are_read_later_only_as_answers_to_their_question():
    assert form.read(form.TOTAL_COST, "30000", asked=False) is None
    assert form.read(form.TOTAL_COST, "30000", asked=True).value == "30000.00"
    assert form.read(form.SELF_FUNDED, "2000", asked=False, first_message=True) is None
    assert form.read(form.STAY_ORDER, "2", asked=False) is None
    assert form.read(form.STAY_ORDER, "2", asked=True).value == "2"


@pytest.mark.parametrize("text, reason, recognized", [
    ("-500", Reason.NEGATIVE, True),
    ("0", Reason.ZERO, True),
    ("abc", Reason.NOT_A_NUMBER, False),
    ("10^12", Reason.TOO_LARGE, True),
    ("3万2", Reason.NOT_A_NUMBER, False),
])
def test_bad_amounts_get_their_reason(text, reason, recognized):
    reading = form.read(form.TOTAL_COST, text, asked=True)
    assert (reading.value, reading.problem, reading.recognized) == (None, reason, recognized)


@pytest.mark.parametrize("text, value", [("没有", "0.00"), ("none", "0.00"), ("不知道", form.UNKNOWN),
                                         ("don't know", form.UNKNOWN), ("1500元", "1500.00")])
def test_self_funded_answers(text, value):
    assert form.read(form.SELF_FUNDED, text, asked=True).value == value


def test_self_funded_cannot_exceed_the_total():
    assert form.check_self_funded({form.TOTAL_COST: "3000.00"}, "5000.00") is Reason.SELF_FUNDED_EXCEEDS_TOTAL
    assert form.check_self_funded({form.TOTAL_COST: "3000.00"}, "3000.00") is None
    assert form.check_self_funded({form.TOTAL_COST: "3000.00"}, form.UNKNOWN) is None


@pytest.mark.parametrize("text, value, recognized", [
    ("蚌埠市", "bengbu", True), ("I live in Bengbu", "bengbu", True), ("上海", "shanghai", True),
    ("其他城市", form.OTHER_CITY, True), ("don't know", form.OTHER_CITY, True),
    ("洛阳", form.OTHER_CITY, False),  # not on file: taken as a city unless the dialogue sees a question
])
def test_city_answers(text, value, recognized):
    reading = form.read(form.CITY, text, asked=True)
    assert (reading.value, reading.recognized) == (value, recognized)


def test_an_answer_to_another_question_is_not_taken_for_a_city():
    reading = form.read(form.CITY, "三级医院", asked=True)
    assert reading.value is None and reading.problem is Reason.UNKNOWN_CITY


@pytest.mark.parametrize("slot", form.SLOTS)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_question_has_buttons_the_form_can_read(slot, language):
    reply = question(slot, language)
    assert reply.text
    for button in reply.buttons:
        assert form.read(slot, button["payload"], asked=True).value is not None, button


def test_questions_cover_exactly_the_form_slots():
    assert set(QUESTIONS) == set(form.SLOTS)


def test_seed_example_from_the_forms_answers():
    values = EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3", form.STAY_ORDER: "1",
                                   form.TOTAL_COST: "30000.00", form.SELF_FUNDED: "0.00"}
    text = form.estimate_reply(values, "en")
    assert text.splitlines()[:2] == ["The pooling fund pays: about 22,400 yuan",
                                     "You pay: about 7,600 yuan (deductible 2,000 + your share 5,600)"]
    assert "illustrative" in text


def test_bengbu_provincial_second_stay_unknown_self_funded():
    values = BENGBU_RESIDENT | {form.HOSPITAL_LEVEL: "level_3", form.TERTIARY_TIER: "level_3_provincial",
                                form.STAY_ORDER: "2", form.TOTAL_COST: "20000.00", form.SELF_FUNDED: form.UNKNOWN}
    text = form.estimate_reply(values, "zh")
    # 20,000 - 1,200 deductible = 18,800; 65% of it = 12,220; the person pays 1,200 + 6,580.
    assert text.splitlines()[:2] == ["统筹基金支付：约 12,220 元", "您自己支付：约 7,780 元（起付标准 1,200 + 个人负担 6,580）"]
    assert "蚌埠市城乡居民医保" in text and "不清楚自费金额" in text and "同一年再次住院" in text


class FormTurns:
    """Runs validate_reimbursement_form as Rasa does: slots carried over, the form already active on its first turn."""

    def __init__(self, language="en"):
        self.slots = {"language": language, "requested_slot": None}
        self.active_loop = {"name": "reimbursement_form"}

    def say(self, text, intent="estimate_reimbursement", confidence=0.9):
        message = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
        tracker = Tracker("c1", dict(self.slots), message, [], False, None, self.active_loop, "action_listen")
        dispatcher = CollectingDispatcher()
        self.events = asyncio.run(ValidateReimbursementForm().run(dispatcher, tracker, {}))
        self.slots.update({event["name"]: event["value"] for event in self.events})
        return [message["text"] for message in dispatcher.messages]


def test_validation_prefills_from_the_first_message_and_names_the_next_question():
    turns = FormTurns()
    assert turns.say("I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?") == []
    assert turns.slots[form.TOTAL_COST] == "30000.00" and turns.slots["requested_slot"] == form.INSURANCE_TYPE
    turns.say("employee insurance, retired, in Shanghai, first time this year", intent="out_of_scope")
    assert turns.slots["requested_slot"] == form.SELF_FUNDED
    turns.say("none", intent="deny")
    assert turns.slots["requested_slot"] is None
    dispatcher = CollectingDispatcher()
    tracker = Tracker("c1", dict(turns.slots), {}, [], False, None, {}, "reimbursement_form")
    cleared = asyncio.run(ActionExplainEstimate().run(dispatcher, tracker, {}))
    assert "22,400" in dispatcher.messages[0]["text"] and "retired" in dispatcher.messages[0]["text"]
    assert {event["name"] for event in cleared if event["value"] is None} == {*form.SLOTS, INTERRUPTIONS}


def test_a_question_in_the_middle_fills_nothing_so_the_rules_can_answer_it():
    turns = FormTurns()
    turns.say("estimate my hospital bill")
    turns.say("how do I pay the premium in tertiary hospitals?", intent="ask_premium_payment")
    assert turns.events == [{"event": "slot", "timestamp": None, "name": "requested_slot",
                             "value": form.INSURANCE_TYPE}]


def test_an_unreadable_answer_is_explained_and_asked_again():
    turns = FormTurns("zh")
    turns.say("帮我估算住院报销")
    assert turns.say("不好说", intent="nlu_fallback") == ["请告诉我您参加的是“职工医保”还是“城乡居民医保”。"]
    assert turns.slots["requested_slot"] == form.INSURANCE_TYPE
    assert any(event["name"] == form.INSURANCE_TYPE for event in turns.events)  # so Rasa does not reject it


def test_a_bad_amount_in_the_first_message_is_explained_and_the_other_answers_are_kept():
    turns = FormTurns()
    assert "cannot be negative" in turns.say("I spent -500 yuan in a tertiary hospital")[0]
    assert turns.slots[form.HOSPITAL_LEVEL] == "level_3" and turns.slots[form.TOTAL_COST] is None
    assert turns.slots["requested_slot"] == form.INSURANCE_TYPE


@pytest.mark.parametrize("text, expected", [("-500", "cannot be negative"), ("0", "more than 0"),
                                            ("abc", "could not read that amount"), ("10^12", "looks like a typo")])
def test_each_bad_total_gets_a_clear_reply(text, expected):
    turns = FormTurns()
    turns.slots |= EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3", form.STAY_ORDER: "1",
                                         "requested_slot": form.TOTAL_COST}
    [reply] = turns.say(text, intent="nlu_fallback")
    assert expected in reply and turns.slots["requested_slot"] == form.TOTAL_COST
    turns.say("30000", intent="nlu_fallback")
    assert turns.slots[form.TOTAL_COST] == "30000.00" and turns.slots["requested_slot"] == form.SELF_FUNDED


def test_self_funded_above_the_total_is_asked_again():
    turns = FormTurns()
    turns.slots |= EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3", form.STAY_ORDER: "1",
                                         form.TOTAL_COST: "3000.00", "requested_slot": form.SELF_FUNDED}
    [reply] = turns.say("5000")
    assert "cannot be more than the total" in reply and turns.slots["requested_slot"] == form.SELF_FUNDED
    assert Decimal(turns.slots[form.TOTAL_COST]) == 3000


@pytest.mark.parametrize("text, intent, confidence, expected", [
    ("how do I pay the premium", "ask_premium_payment", 0.95, True),
    ("how do I pay the premium", "ask_premium_payment", 0.3, False),  # unsure: ask the question again instead
    ("/feedback_helpful", "feedback_helpful", 1.0, True),
    ("很多钱", "feedback_helpful", 0.9, False),  # typed, it is an answer that could not be read
    ("cancel", "cancel", 0.9, True),
    ("none", "deny", 0.99, False),
])
def test_what_counts_as_a_different_request(text, intent, confidence, expected):
    assert is_interruption({"text": text, "intent": {"name": intent, "confidence": confidence}}) is expected


def test_an_estimate_without_every_answer_says_how_to_start_again():
    assert "start again" in form.estimate_reply(EMPLOYEE_ELSEWHERE, "en")


@pytest.mark.parametrize("slot, text", [
    (form.TOTAL_COST, "我想问一下，异地就医怎么备案"),  # the 一 of 一下 is not 1 yuan
    (form.TOTAL_COST, "三级医院报销比例是多少？"),
    (form.TOTAL_COST, "住了120天"),
    (form.SELF_FUNDED, "一个月能报几次"),
])
def test_a_question_at_an_amount_question_is_not_read_as_an_amount(slot, text):
    reading = form.read(slot, text, asked=True)
    assert reading.value is None and not reading.recognized


@pytest.mark.parametrize("text", ["我2024年住院了，帮我估算报销", "住了120天能报多少", "我65岁，住院能报多少"])
def test_years_days_and_ages_in_a_first_message_are_not_the_bill(text):
    assert form.read(form.TOTAL_COST, text, asked=False, first_message=True) is None


@pytest.mark.parametrize("text", ["😀😀", "what?", "一万五", "/estimate_reimbursement", "你们这个怎么用？"])
def test_what_is_not_a_place_is_not_taken_for_an_unlisted_city(text):
    reading = form.read(form.CITY, text, asked=True)
    assert reading.value is None and reading.problem is Reason.UNKNOWN_CITY


def test_a_long_run_of_numerals_is_refused_not_recursed():
    assert form.read(form.TOTAL_COST, "万" * 1000, asked=True).problem is Reason.NOT_A_NUMBER


def test_answers_that_no_longer_apply_are_not_used():
    values = BENGBU_RESIDENT | {form.HOSPITAL_LEVEL: "level_2", form.TERTIARY_TIER: "level_3_provincial",
                                form.RETIRED: "retired", form.STAY_ORDER: "1", form.TOTAL_COST: "10000.00",
                                form.SELF_FUNDED: "0.00"}
    text = form.estimate_reply(values, "zh")
    assert "二级医院" in text and "省级" not in text and "退休" not in text


def test_a_new_estimate_forgets_an_abandoned_one():
    turns = FormTurns()
    turns.slots |= {form.INSURANCE_TYPE: "employee", form.CITY: "other", form.HOSPITAL_LEVEL: "level_3"}
    turns.say("estimate my hospital bill")
    assert turns.slots[form.INSURANCE_TYPE] is None and turns.slots[form.HOSPITAL_LEVEL] is None
    assert turns.slots["requested_slot"] == form.INSURANCE_TYPE


def test_cancel_wins_over_an_answer_the_form_could_read():
    turns = FormTurns()
    turns.slots |= EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3", form.STAY_ORDER: "1",
                                         form.TOTAL_COST: "3000.00", "requested_slot": form.SELF_FUNDED}
    turns.say("no, cancel", intent="cancel")
    assert turns.events == [{"event": "slot", "timestamp": None, "name": "requested_slot",
                             "value": form.SELF_FUNDED}]


# --- amounts said roughly, first messages that answer everything, buttons that apply, the reminder ---

FULL_FIRST_MESSAGES = {
    "zh": "我是北京职工，在职，三级医院第一次住院，花了3万，全都在医保范围内",
    "en": "I'm a Beijing employee, working, first stay in a tertiary hospital, spent 30,000 yuan, no self-paid items",
}
AT_THE_TOTAL = EMPLOYEE_ELSEWHERE | {form.HOSPITAL_LEVEL: "level_3", form.STAY_ORDER: "1",
                                     "requested_slot": form.TOTAL_COST}


@pytest.mark.parametrize("language, text, said", [
    ("zh", "大概五千", "住院总费用按 5,000 元估算。"),
    ("zh", "两万出头", "住院总费用按 20,000 元估算。"),
    ("zh", "2w", "住院总费用按 20,000 元估算。"),
    ("en", "around 6k", "Using 6,000 yuan as the total cost."),
    ("en", "roughly 4,000", "Using 4,000 yuan as the total cost."),
])
def test_a_rough_total_is_used_as_its_round_figure_and_said_back(language, text, said):
    turns = FormTurns(language)
    turns.slots |= AT_THE_TOTAL
    assert turns.say(text, intent="nlu_fallback") == [said]
    assert turns.slots["requested_slot"] == form.SELF_FUNDED


def test_a_plain_total_is_not_said_back():
    turns = FormTurns()
    turns.slots |= AT_THE_TOTAL
    assert turns.say("30000", intent="nlu_fallback") == []


@pytest.mark.parametrize("language, text, expected", [("zh", "几千吧", "这是一个范围"),
                                                      ("en", "a few thousand", "That is a range")])
def test_a_range_gets_one_clarifying_reply_and_the_question_stays(language, text, expected):
    turns = FormTurns(language)
    turns.slots |= AT_THE_TOTAL
    [reply] = turns.say(text, intent="nlu_fallback")
    assert expected in reply and turns.slots["requested_slot"] == form.TOTAL_COST


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_first_message_with_every_fact_needs_no_question(language):
    turns = FormTurns(language)
    turns.say(FULL_FIRST_MESSAGES[language])
    assert turns.slots["requested_slot"] is None
    assert (turns.slots[form.CITY], turns.slots[form.SELF_FUNDED], turns.slots[form.TOTAL_COST]) == (
        "beijing", "0.00", "30000.00")
    dispatcher = CollectingDispatcher()
    tracker = Tracker("c1", dict(turns.slots), {}, [], False, None, {}, "reimbursement_form")
    asyncio.run(ActionExplainEstimate().run(dispatcher, tracker, {}))
    text = dispatcher.messages[0]["text"]
    assert "22,400" in text.splitlines()[0] and "7,600" in text.splitlines()[1]
    assert ("北京" if language == "zh" else "Beijing") in text


@pytest.mark.parametrize("text", ["not sure about the city, employee, working", "城市不清楚，职工，在职",
                                  "不知道哪个城市的标准，职工医保在职"])
def test_not_knowing_the_city_is_an_answer_in_a_first_message(text):
    turns = FormTurns()
    turns.say(text)
    assert turns.slots[form.CITY] == form.OTHER_CITY and turns.slots["requested_slot"] == form.HOSPITAL_LEVEL


@pytest.mark.parametrize("text", ["城市不清楚", "不知道哪个城市的标准", "not sure about the city", "不记得了"])
def test_not_knowing_the_city_answers_its_question(text):
    assert form.read(form.CITY, text, asked=True).value == form.OTHER_CITY


@pytest.mark.parametrize("text", ["全都在医保范围内", "all covered", "no self-paid items"])
def test_everything_covered_answers_the_self_funded_question(text):
    assert form.read(form.SELF_FUNDED, text, asked=True).value == "0.00"


def test_a_lone_detail_for_another_question_is_kept_without_a_complaint():
    turns = FormTurns("zh")
    turns.say("帮我估算住院报销")
    assert turns.say("三甲", intent="inform_stay_detail") == []
    assert turns.slots[form.HOSPITAL_LEVEL] == "level_3" and turns.slots["requested_slot"] == form.INSURANCE_TYPE


def test_the_offer_button_brings_the_lone_detail_said_before_it():
    events = [{"event": "user", "text": "三甲", "parse_data": {"intent": {"name": "inform_stay_detail"}}},
              {"event": "bot", "text": "offer"},
              {"event": "user", "text": "/estimate_reimbursement", "parse_data": {"intent": {"name": "x"}}}]
    message = {"text": "/estimate_reimbursement", "intent": {"name": "estimate_reimbursement", "confidence": 1.0}}
    tracker = Tracker("c1", {"language": "zh", "requested_slot": None}, message, events, False, None,
                      {"name": "reimbursement_form"}, "action_listen")
    result = asyncio.run(ValidateReimbursementForm().run(CollectingDispatcher(), tracker, {}))
    assert {"event": "slot", "timestamp": None, "name": form.HOSPITAL_LEVEL, "value": "level_3"} in result


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_employee_is_offered_no_city_whose_figures_are_for_residents_only(language):
    employee = [b["payload"] for b in question(form.CITY, language, {form.INSURANCE_TYPE: "employee"}).buttons]
    resident = [b["payload"] for b in question(form.CITY, language, {form.INSURANCE_TYPE: "resident"}).buttons]
    bengbu = "蚌埠" if language == "zh" else "Bengbu"
    assert bengbu not in employee and bengbu in resident
    assert all(form.read(form.CITY, payload, asked=True).value for payload in employee + resident)


def test_only_the_hospital_levels_with_figures_are_offered():
    def levels(values):
        return [form.read(form.HOSPITAL_LEVEL, b["payload"], asked=True).value
                for b in question(form.HOSPITAL_LEVEL, "en", values).buttons]
    assert levels(EMPLOYEE_ELSEWHERE) == ["level_3"]
    assert levels(BENGBU_RESIDENT) == ["level_1", "level_2", "level_3"]


def remind(slots, intent="ask_premium_payment", language="zh"):
    message = {"text": "x", "intent": {"name": intent, "confidence": 0.9}}
    tracker = Tracker("c1", {"language": language, **slots}, message, [], False, None,
                      {"name": "reimbursement_form"}, "utter_x")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRemindEstimate().run(dispatcher, tracker, {}))
    return [m["text"] for m in dispatcher.messages], events


@pytest.mark.parametrize("language, line", [("zh", "住院费用估算还在进行"), ("en", "The estimate is still open")])
def test_the_first_interruption_gets_one_short_line_and_the_form_waits_for_its_answer(language, line):
    said, events = remind({"requested_slot": form.RETIRED}, language=language)
    assert len(said) == 1 and line in said[0] and len(said[0]) < 100
    assert {"event": "active_loop", "timestamp": None, "name": "reimbursement_form"} in events
    assert {"event": "slot", "timestamp": None, "name": INTERRUPTIONS, "value": 1.0} in events
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "action_listen"


def test_the_second_interruption_in_a_row_lets_the_estimate_lapse_quietly():
    said, events = remind({"requested_slot": form.RETIRED, INTERRUPTIONS: 1.0, form.INSURANCE_TYPE: "employee"})
    assert said == []
    assert {"event": "active_loop", "timestamp": None, "name": None} in events
    cleared = {event["name"] for event in events if event["event"] == "slot" and event["value"] is None}
    assert {"requested_slot", INTERRUPTIONS, *form.SLOTS} <= cleared


def test_a_feedback_click_in_the_middle_is_not_counted():
    said, events = remind({"requested_slot": form.RETIRED, INTERRUPTIONS: 1.0}, intent="feedback_helpful")
    assert said == [] and not any(event["event"] == "slot" for event in events)
    assert {"event": "active_loop", "timestamp": None, "name": "reimbursement_form"} in events


def test_an_answer_after_the_reminder_starts_the_count_again():
    turns = FormTurns("zh")
    turns.slots |= {form.INSURANCE_TYPE: "employee", "requested_slot": form.RETIRED, INTERRUPTIONS: 1.0}
    turns.say("退休了", intent="inform_stay_detail")
    assert turns.slots[form.RETIRED] == "retired" and turns.slots[INTERRUPTIONS] is None


@pytest.mark.parametrize("text", ["三甲", "二级医院", "职工", "居民医保", "退休了", "在职", "第一次住院", "北京", "市级医院",
                                  "tertiary hospital", "employee", "retired", "first stay", "provincial hospital",
                                  "all covered", "3万"])
def test_lone_details_are_recognised_as_details(text):
    assert form.says_a_stay_detail(text)


@pytest.mark.parametrize("text", ["qwerty", "asdf qwer zxcv", "啾啾啾", "hmm", "好的"])
def test_words_the_nlu_may_take_for_a_detail_are_not_one(text):
    assert not form.says_a_stay_detail(text)


@pytest.mark.parametrize("text, response", [("三甲", "utter_offer_estimate"), ("qwerty", "utter_ask_rephrase")])
def test_the_offer_is_made_only_for_a_real_detail(text, response):
    message = {"text": text, "intent": {"name": "inform_stay_detail", "confidence": 0.7}}
    tracker = Tracker("c1", {"language": "zh"}, message, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionOfferEstimate().run(dispatcher, tracker, {})) == []
    assert [m["response"] for m in dispatcher.messages] == [response]
