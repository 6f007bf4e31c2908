"""The identity check's state machine (bot/identity/check.py): every step × every kind of message, with the
real database side (codes, limits, sessions) on SQLite and PostgreSQL."""
import datetime

import pytest

from bot.accounts.lookup import LookUpRequest
from bot.db.engine import session_scope
from bot.identity import replies
from bot.identity.check import Kind, Message, State, Step, advance, intent_by_shape, read_message
from bot.identity.records import DatabaseRecords
from tests.unit.action_conversation import latest_code

ZHANG = "440304198506121230"
NOW = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.timezone.utc)
BALANCE = LookUpRequest("balance")
TEXT_OF_KIND = {
    Kind.SERVICE: "show my balance", Kind.AMBIGUOUS_BALANCE: "balance?", Kind.AGREE: "yes", Kind.DECLINE: "no",
    Kind.ID_NUMBER: ZHANG, Kind.CODE: "000000", Kind.NEW_CODE: "send a new code",
    Kind.CODE_NOT_RECEIVED: "I didn't get any code", Kind.FOLLOW_UP: "what about the whole year?",
    Kind.LOG_OUT: "log out", Kind.UNCLEAR: "hmm",
}


def say(key):
    return lambda: replies.text(key, "en").text


consent = lambda: replies.consent_request("en").text  # noqa: E731
clarify = lambda: replies.clarify_balance("en").text  # noqa: E731
code_sent = say("code_sent")
no_code = say("no_code")
not_logged_in = say("not_logged_in")
declined = say("consent_declined")
# (step, kind): (the step after it, the first reply). A code is pending at Step.CODE (asked a moment ago, so a
# resend or another request for the same number is stopped by the one-a-minute limit).
TABLE = {
    (None, Kind.SERVICE): (Step.CONSENT, consent),
    (None, Kind.AMBIGUOUS_BALANCE): (Step.CHOOSING, clarify),
    (None, Kind.AGREE): (None, say("anything_else")),
    (None, Kind.DECLINE): (None, say("anything_else")),
    (None, Kind.ID_NUMBER): (Step.CONSENT, say("consent_before_id_number")),
    (None, Kind.CODE): (None, no_code),
    (None, Kind.NEW_CODE): (None, no_code),
    (None, Kind.CODE_NOT_RECEIVED): (None, lambda: replies.code_not_received(None, "en").text),
    (None, Kind.LOG_OUT): (None, not_logged_in),
    (Step.CHOOSING, Kind.SERVICE): (Step.CONSENT, consent),
    (Step.CHOOSING, Kind.AMBIGUOUS_BALANCE): (Step.CHOOSING, clarify),
    (Step.CHOOSING, Kind.AGREE): (Step.CONSENT, consent),
    (Step.CHOOSING, Kind.DECLINE): (None, lambda: replies.choice_declined("en").text),
    (Step.CHOOSING, Kind.ID_NUMBER): (Step.CONSENT, say("consent_before_id_number")),
    (Step.CHOOSING, Kind.CODE): (Step.CHOOSING, no_code),
    (Step.CHOOSING, Kind.NEW_CODE): (Step.CHOOSING, no_code),
    (Step.CHOOSING, Kind.FOLLOW_UP): (Step.CONSENT, consent),
    (Step.CHOOSING, Kind.LOG_OUT): (None, not_logged_in),
    (Step.CONSENT, Kind.SERVICE): (Step.CONSENT, consent),
    (Step.CONSENT, Kind.AMBIGUOUS_BALANCE): (Step.CONSENT, consent),
    (Step.CONSENT, Kind.AGREE): (Step.ID_NUMBER, say("ask_id_number")),
    (Step.CONSENT, Kind.DECLINE): (None, declined),
    (Step.CONSENT, Kind.ID_NUMBER): (Step.CODE, code_sent),  # sending the number after the notice agrees
    (Step.CONSENT, Kind.CODE): (Step.CONSENT, no_code),
    (Step.CONSENT, Kind.NEW_CODE): (Step.CONSENT, no_code),
    (Step.CONSENT, Kind.FOLLOW_UP): (Step.CONSENT, consent),
    (Step.CONSENT, Kind.LOG_OUT): (None, not_logged_in),
    (Step.ID_NUMBER, Kind.SERVICE): (Step.ID_NUMBER, say("ask_id_number")),
    (Step.ID_NUMBER, Kind.AMBIGUOUS_BALANCE): (Step.ID_NUMBER, say("ask_id_number")),
    (Step.ID_NUMBER, Kind.AGREE): (Step.ID_NUMBER, say("ask_id_number")),
    (Step.ID_NUMBER, Kind.DECLINE): (None, declined),
    (Step.ID_NUMBER, Kind.ID_NUMBER): (Step.CODE, code_sent),
    (Step.ID_NUMBER, Kind.CODE): (Step.ID_NUMBER, say("id_number_before_code")),
    (Step.ID_NUMBER, Kind.NEW_CODE): (Step.ID_NUMBER, no_code),
    (Step.ID_NUMBER, Kind.FOLLOW_UP): (Step.ID_NUMBER, say("ask_id_number")),
    (Step.ID_NUMBER, Kind.LOG_OUT): (None, not_logged_in),
    (Step.CODE, Kind.SERVICE): (Step.CODE, say("type_the_code")),
    (Step.CODE, Kind.AMBIGUOUS_BALANCE): (Step.CODE, say("type_the_code")),
    (Step.CODE, Kind.AGREE): (Step.CODE, say("type_the_code")),
    (Step.CODE, Kind.DECLINE): (None, declined),
    (Step.CODE, Kind.ID_NUMBER): (Step.CODE, lambda: replies.STOPPED["resend_interval"]["en"].format(seconds=60)),
    (Step.CODE, Kind.CODE): (Step.CODE, lambda: replies.wrong_code(2, "en").text),
    (Step.CODE, Kind.NEW_CODE): (Step.CODE, lambda: replies.code_not_received(60, "en").text),
    (Step.CODE, Kind.CODE_NOT_RECEIVED): (Step.CODE, lambda: replies.code_not_received(60, "en").text),
    (Step.CODE, Kind.FOLLOW_UP): (Step.CODE, say("type_the_code")),
    (Step.CODE, Kind.LOG_OUT): (None, not_logged_in),
}
for _step in (Step.CHOOSING, Step.CONSENT, Step.ID_NUMBER):
    TABLE[(_step, Kind.CODE_NOT_RECEIVED)] = (_step, TABLE[(None, Kind.CODE_NOT_RECEIVED)][1])
SUGGESTIONS = None  # no reply of the check's own: the closest topics instead ("did you mean")
TABLE[(None, Kind.FOLLOW_UP)] = (None, SUGGESTIONS)  # nothing to follow up
TABLE.update({(None, Kind.UNCLEAR): (None, SUGGESTIONS), (Step.CHOOSING, Kind.UNCLEAR): (Step.CHOOSING, clarify),
              (Step.CONSENT, Kind.UNCLEAR): (Step.CONSENT, consent),
              (Step.ID_NUMBER, Kind.UNCLEAR): (Step.ID_NUMBER, say("ask_id_number")),
              (Step.CODE, Kind.UNCLEAR): (Step.CODE, say("type_the_code"))})


def message(kind, text=None):
    return Message(kind, text or TEXT_OF_KIND[kind], "en", NOW.date(), service="balance" if kind == Kind.SERVICE else None)


def run(engine, state, msg, now=NOW, conversation="c1"):
    with session_scope(engine) as session:
        return advance(state, msg, DatabaseRecords(session, conversation, "en", now))


def test_the_table_covers_every_step_and_kind():
    assert set(TABLE) == {(step, kind) for step in (None, *Step) for kind in Kind}


@pytest.mark.parametrize("step, kind", list(TABLE), ids=[f"{s.name if s else 'NONE'}-{k.name}" for s, k in TABLE])
def test_each_step_and_kind(demo_engine, step, kind):
    if step == Step.CODE:  # a code for Zhang is pending
        run(demo_engine, State(Step.ID_NUMBER, BALANCE), message(Kind.ID_NUMBER), now=NOW)
    state = State(step, None if step is None else BALANCE)
    outcome = run(demo_engine, state, message(kind))
    expected_step, expected_reply = TABLE[(step, kind)]
    assert outcome.state.step == expected_step
    if expected_reply is SUGGESTIONS:
        assert outcome.suggest and outcome.replies == []
    else:
        assert outcome.replies[0].text == expected_reply() and not outcome.suggest


def test_three_invalid_numbers_end_the_check(demo_engine):
    state = State(Step.ID_NUMBER, BALANCE)
    for attempt in (1, 2):
        state = run(demo_engine, state, message(Kind.ID_NUMBER, "440304198506121231")).state
        assert (state.step, state.invalid_id_entries) == (Step.ID_NUMBER, attempt)
    outcome = run(demo_engine, state, message(Kind.ID_NUMBER, "440304198506121231"))
    assert outcome.state == State() and outcome.replies[0].text == replies.text("too_many_invalid", "en").text


def test_the_right_code_shows_what_was_asked_for_and_keeps_it_for_follow_ups(demo_engine):
    asked = LookUpRequest("yearly_totals", "2026")
    run(demo_engine, State(Step.ID_NUMBER, asked), message(Kind.ID_NUMBER))
    outcome = run(demo_engine, State(Step.CODE, asked), message(Kind.CODE, latest_code(demo_engine)))
    assert outcome.state == State(request=asked)
    assert "Identity confirmed" in outcome.replies[0].text and "2026" in outcome.replies[1].text
    follow_up = run(demo_engine, outcome.state, message(Kind.FOLLOW_UP, "and last year?"))
    assert follow_up.state.request.period == "2025" and "2025" in follow_up.replies[0].text


def test_a_number_typed_with_nothing_asked_for_ends_in_the_menu(demo_engine):
    state = run(demo_engine, State(), message(Kind.ID_NUMBER)).state
    state = run(demo_engine, state, message(Kind.ID_NUMBER)).state  # after reading the notice: agreed
    outcome = run(demo_engine, state, message(Kind.CODE, latest_code(demo_engine)))
    assert outcome.replies[1] == replies.what_to_look_up("en")


def test_yes_with_nothing_pending_takes_the_models_second_choice_when_it_is_a_service(demo_engine):
    ok = Message(Kind.AGREE, "ok show me mine then", "en", NOW.date(), second_choice="request_contributions")
    outcome = run(demo_engine, State(), ok)
    assert outcome.state == State(Step.CONSENT, LookUpRequest("contributions"))


def test_a_follow_up_with_no_look_up_to_follow_is_the_policy_question_it_looks_like(demo_engine):
    follow_up = Message(Kind.FOLLOW_UP, "那报销比例呢", "zh", NOW.date(), second_choice="ask_hospital_settlement")
    outcome = run(demo_engine, State(), follow_up)
    assert outcome.answer_topic == "ask_hospital_settlement" and outcome.replies == []


def test_an_invalid_number_while_a_code_is_pending_keeps_the_code(demo_engine):
    run(demo_engine, State(Step.ID_NUMBER, BALANCE), message(Kind.ID_NUMBER))
    typo = run(demo_engine, State(Step.CODE, BALANCE), message(Kind.ID_NUMBER, "440304198506121231"))
    assert typo.state.step == Step.CODE
    verified = run(demo_engine, typo.state, message(Kind.CODE, latest_code(demo_engine)))
    assert "Identity confirmed" in verified.replies[0].text


def test_the_wait_before_a_resend_counts_down(demo_engine):
    run(demo_engine, State(Step.ID_NUMBER, BALANCE), message(Kind.ID_NUMBER))
    later = run(demo_engine, State(Step.CODE, BALANCE), message(Kind.CODE_NOT_RECEIVED),
                now=NOW + datetime.timedelta(seconds=45))
    assert "in 15 seconds" in later.replies[0].text
    ready = run(demo_engine, State(Step.CODE, BALANCE), message(Kind.CODE_NOT_RECEIVED),
                now=NOW + datetime.timedelta(minutes=2))
    assert ready.replies[0] == replies.code_not_received(0, "en")
    assert ready.replies[0].buttons == [replies.RESEND_BUTTON["en"]]


@pytest.mark.parametrize("text, step, intent, kind", [
    ("没事 11010519491231002X", None, "greet", Kind.ID_NUMBER),   # the number beats the intent
    ("查 440304198506121230 的余额", None, "request_balance", Kind.ID_NUMBER),
    ("385 106", Step.CODE, "affirm", Kind.CODE),                    # six digits while a code is pending
    ("385106", Step.CONSENT, "provide_code", Kind.CODE),
    ("好的，同意", Step.CHOOSING, "affirm", Kind.AGREE),
    ("退出登录", Step.CODE, "log_out", Kind.LOG_OUT),
    ("my phone number changed", Step.CODE, "provide_code", Kind.CODE_NOT_RECEIVED),  # about the code, no digits
    ("https://example.org/verify?c=1", Step.CODE, "provide_id_number", Kind.UNCLEAR),  # no number in it
    ("那个 就那个", None, "code_not_received", Kind.UNCLEAR),  # says nothing about a code
])
def test_read_message(text, step, intent, kind):
    assert read_message(intent, text, step, "zh", NOW.date()).kind == kind


def test_a_number_in_a_service_request_keeps_the_service():
    assert read_message("request_spending", "440304198506121230 的消费明细", None, "zh", NOW.date()).service == "spending"


@pytest.mark.parametrize("text, intent", [
    ("440304198506121230", "provide_id_number"), ("身份证 4403 0419 8506 1212 30", "provide_id_number"),
    ("11010519491231002x", "provide_id_number"), ("385106", "provide_code"), ("验证码是 385 106", "provide_code"),
    ("my code is 385106", "provide_code"),
    ("我花了100000元能报多少", None),   # an amount is not a code
    ("花了 1000000 元", None),          # nor an ID number
    ("13812345678", None),              # a phone number is neither
    ("12393", None),
])
def test_intent_by_shape(text, intent):
    assert intent_by_shape(text) == intent
