"""The identity check as a state machine: what each kind of message does at each step (no Rasa here).

`advance(state, message, records)` returns the replies and the next state. Everything that touches the
database (codes, limits, verified conversations, the audit log, the look-ups) goes through `Records`, so
the rules of the conversation read top to bottom in this file and are tested step by step.

What a person naturally sends next always moves them forward: an ID number typed at any step starts or
continues the check for the service they asked for, six digits while a code is pending are the code, and
"yes" after the clarifying question chooses their own records.
"""
import dataclasses
import datetime
import enum
import re
from dataclasses import dataclass
from typing import Protocol

from bot.accounts.follow_ups import resolve_follow_up
from bot.accounts.lookup import LookUpRequest, requested_period
from bot.identity import replies
from bot.identity.codes import CheckOutcome, CheckStatus, RequestOutcome, RequestStatus, find_code
from bot.identity.id_numbers import IdCheck, check_id_number, find_id_candidate, join_digit_groups
from bot.identity.limits import Limit
from bot.knowledge import INTENT_PREFIX as POLICY_INTENT_PREFIX
from bot.reply import Reply

MAX_INVALID_ID_NUMBERS = 3


class Step(str, enum.Enum):
    CHOOSING = "awaiting_choice"  # asked: "ways to check a balance, or your own?"
    CONSENT = "awaiting_consent"
    ID_NUMBER = "awaiting_id_number"
    CODE = "awaiting_code"


class Kind(enum.Enum):
    """What a message means to the check, whatever words it used."""
    SERVICE = "service"  # a request for one of the person's own records
    AMBIGUOUS_BALANCE = "ambiguous_balance"
    AGREE = "agree"
    DECLINE = "decline"
    ID_NUMBER = "id_number"
    CODE = "code"
    NEW_CODE = "new_code"
    CODE_NOT_RECEIVED = "code_not_received"
    FOLLOW_UP = "follow_up"
    LOG_OUT = "log_out"
    UNCLEAR = "unclear"  # a personal-service intent without what it needs: no number, no look-up to follow


SERVICE_BY_INTENT = {
    "request_balance": "balance", "request_spending": "spending", "request_claims": "claims",
    "request_claim_detail": "claim_detail", "request_contributions": "contributions",
    "request_yearly_totals": "yearly_totals",
}
KIND_BY_INTENT = {
    **{intent: Kind.SERVICE for intent in SERVICE_BY_INTENT},
    "ask_balance_ambiguous": Kind.AMBIGUOUS_BALANCE, "affirm": Kind.AGREE, "deny": Kind.DECLINE,
    "provide_id_number": Kind.ID_NUMBER, "provide_code": Kind.CODE, "request_new_code": Kind.NEW_CODE,
    "code_not_received": Kind.CODE_NOT_RECEIVED, "ask_follow_up": Kind.FOLLOW_UP, "log_out": Kind.LOG_OUT,
}
INTENTS = tuple(KIND_BY_INTENT)  # the intents the rules send to the personal-service action


@dataclass(frozen=True)
class State:
    """What the conversation remembers between messages (slots), never an ID number or a code.

    service and request: the look-up asked for, kept after it is shown so that follow-ups can change it.
    """
    step: Step | None = None
    request: LookUpRequest | None = None
    invalid_id_entries: int = 0


@dataclass(frozen=True)
class Message:
    kind: Kind
    text: str
    language: str
    today: datetime.date
    service: str | None = None  # for Kind.SERVICE
    claim_reference: str | None = None
    token_problem: str | None = None  # a website token came with this message and did not verify it
    second_choice: str | None = None  # the intent model's next-best intent, when it is a close one


# What "the text never came" mentions; without any of it, a vague message only looks like one.
ABOUT_THE_CODE = re.compile(r"码|短信|信息|手机|号|code|text|sms|message|phone|number|digits", re.IGNORECASE)


def read_message(intent: str, text: str, step: Step | None, language: str, today: datetime.date,
                 claim_reference: str | None = None, token_problem: str | None = None,
                 second_choice: str | None = None) -> Message:
    """The kind of a message: an ID number in it beats the intent, and so do six digits while a code is
    pending, because the intent model cannot know which step the conversation is at; an intent without
    the evidence its kind needs is unclear."""
    kind = KIND_BY_INTENT.get(intent, Kind.SERVICE)
    if find_id_candidate(text) and kind != Kind.LOG_OUT:
        kind = Kind.ID_NUMBER
    elif step == Step.CODE and find_code(text) and kind in (Kind.SERVICE, Kind.AGREE, Kind.FOLLOW_UP):
        kind = Kind.CODE
    elif kind == Kind.CODE and not any(ch.isdigit() for ch in text):  # talking about the code, not typing it
        kind = Kind.CODE_NOT_RECEIVED
    elif kind == Kind.ID_NUMBER and find_code(text):  # six digits are a code, not an ID number
        kind = Kind.CODE
    elif kind == Kind.ID_NUMBER or (kind == Kind.CODE_NOT_RECEIVED and not ABOUT_THE_CODE.search(text)):
        kind = Kind.UNCLEAR
    return Message(kind, text, language, today, SERVICE_BY_INTENT.get(intent), claim_reference, token_problem,
                   second_choice)


ID_NUMBER_LENGTHS = range(15, 20)  # an attempt at an ID number, typo included; shorter runs are amounts or phones
# Words that may stand around a code typed on its own ("验证码是 385106", "my code is 385106").
CODE_WORDS = re.compile(r"验证码|短信|码|是|我的|the|my|verification|code|is|it's|its", re.IGNORECASE)


def intent_by_shape(text: str) -> str | None:
    """provide_id_number or provide_code when the message is one by its shape, whatever the words model says."""
    candidate = find_id_candidate(text)
    if candidate and len(candidate) in ID_NUMBER_LENGTHS:
        return "provide_id_number"
    code = find_code(text)
    if code and not re.sub(r"[\W_]+", "", CODE_WORDS.sub("", join_digit_groups(text).replace(code, "", 1))):
        return "provide_code"
    return None


class Records(Protocol):
    """The database side of the check for one conversation (bot.identity.records.DatabaseRecords)."""

    def verified_person(self): ...
    def consent_given(self, how: str) -> None: ...
    def request_code(self, id_number: str) -> RequestOutcome: ...
    def resend_code(self) -> RequestOutcome | None: ...
    def seconds_until_resend(self) -> int: ...
    def check_code(self, code: str) -> CheckOutcome: ...
    def switch_person(self, previous) -> None: ...
    def log_out(self) -> bool: ...
    def look_up(self, person, request: LookUpRequest) -> Reply: ...


@dataclass(frozen=True)
class Outcome:
    """replies, or instead: answer_topic, a policy topic's intent whose answer is what was asked;
    suggest, the closest topics ("did you mean"), when the message was not one for the check after all."""
    replies: list[Reply]
    state: State
    answer_topic: str | None = None
    suggest: bool = False


def advance(state: State, message: Message, records: Records) -> Outcome:
    """The replies to one message and the state after it."""
    return _HANDLERS[message.kind](state, message, records)


def _asked(message: Message) -> LookUpRequest:
    """The look-up a service request names (the month or year in its words, never its text)."""
    service = message.service or "balance"
    return LookUpRequest(service, requested_period(service, message.text, message.today),
                         claim_reference=message.claim_reference)


def _show(person, request: LookUpRequest | None, records: Records, language: str) -> Reply:
    """The records asked for; when nothing was named (an ID number typed straight away), the menu."""
    return records.look_up(person, request) if request else replies.what_to_look_up(language)


def _service(state: State, message: Message, records: Records) -> Outcome:
    return _start_or_continue(state, _asked(message), message, records)


def _start_or_continue(state: State, request: LookUpRequest | None, message: Message, records: Records) -> Outcome:
    """Shows the records when verified; otherwise asks for consent, or continues the step already reached
    (the newly named service replaces the earlier one)."""
    language = message.language
    person = records.verified_person()
    if person is not None:
        return Outcome([_show(person, request, records, language)], State(request=request))
    token_reply = [replies.text(message.token_problem, language)] if message.token_problem else []
    if state.step in (Step.ID_NUMBER, Step.CODE):
        prompt = "ask_id_number" if state.step == Step.ID_NUMBER else "type_the_code"
        return Outcome(token_reply + [replies.text(prompt, language)], dataclasses.replace(state, request=request))
    return Outcome(token_reply + [replies.consent_request(language)], State(Step.CONSENT, request))


def _ambiguous_balance(state: State, message: Message, records: Records) -> Outcome:
    if state.step in (Step.CONSENT, Step.ID_NUMBER, Step.CODE) or records.verified_person() is not None:
        return _start_or_continue(state, LookUpRequest("balance"), message, records)
    return Outcome([replies.clarify_balance(message.language)], State(Step.CHOOSING, LookUpRequest("balance")))


def _agree(state: State, message: Message, records: Records) -> Outcome:
    language = message.language
    if state.step == Step.CHOOSING:
        return _start_or_continue(State(), state.request, message, records)
    if state.step == Step.CONSENT:
        records.consent_given("agreed")
        return Outcome([replies.text("ask_id_number", language)], State(Step.ID_NUMBER, state.request))
    if state.step == Step.ID_NUMBER:
        return Outcome([replies.text("ask_id_number", language)], state)
    if state.step == Step.CODE:
        return Outcome([replies.text("type_the_code", language)], state)
    if message.second_choice in SERVICE_BY_INTENT:  # "ok, show me mine then"
        return _start_or_continue(state, _asked(dataclasses.replace(
            message, service=SERVICE_BY_INTENT[message.second_choice])), message, records)
    return Outcome([replies.text("anything_else", language)], state)


def _decline(state: State, message: Message, records: Records) -> Outcome:
    if state.step is None:
        return Outcome([replies.text("anything_else", message.language)], state)
    if state.step == Step.CHOOSING:
        return Outcome([replies.choice_declined(message.language)], State())
    return Outcome([replies.text("consent_declined", message.language)], State())


def _id_number(state: State, message: Message, records: Records) -> Outcome:
    language = message.language
    state = dataclasses.replace(state, request=_asked(message)) if message.service else state
    current = records.verified_person()
    if state.step in (None, Step.CHOOSING) and current is None:
        # The consent notice comes before any number is used; this one is not kept.
        return Outcome([replies.text("consent_before_id_number", language), replies.consent_request(language)],
                       State(Step.CONSENT, state.request))
    check = check_id_number(find_id_candidate(message.text) or "")
    if not check.valid:
        return _invalid_id_number(state, check, language)
    if state.step == Step.CONSENT:  # the notice says that sending the number after reading it is agreeing
        records.consent_given("sent_id_number")
    if current is not None and current.id_number == check.normalized:
        return Outcome([replies.verified(current.id_number, language), _show(current, state.request, records, language)],
                       State(request=state.request))
    if current is not None:  # a different person: the earlier verification does not carry over
        records.switch_person(current)
    return _code_requested(state, records.request_code(check.normalized), language)


def _invalid_id_number(state: State, check: IdCheck, language: str) -> Outcome:
    """A code already sent stays valid: the person may still type it."""
    invalid = state.invalid_id_entries + 1
    if invalid >= MAX_INVALID_ID_NUMBERS:
        return Outcome([replies.text("too_many_invalid", language)], State())
    step = Step.CODE if state.step == Step.CODE else Step.ID_NUMBER
    return Outcome([replies.id_problem(check.problem, check.normalized, language)],
                   State(step, state.request, invalid))


def _code_requested(state: State, outcome: RequestOutcome, language: str) -> Outcome:
    if outcome.status == RequestStatus.SENT_IF_REGISTERED:
        return Outcome([replies.text("code_sent", language)], State(Step.CODE, state.request))
    if outcome.stop.limit == Limit.RESEND_INTERVAL:  # the code from a moment ago is still waiting
        return Outcome([replies.stopped(outcome.stop, language)], State(Step.CODE, state.request))
    return Outcome([replies.stopped(outcome.stop, language)], State())


def _code(state: State, message: Message, records: Records) -> Outcome:
    language = message.language
    if state.step == Step.ID_NUMBER:
        return Outcome([replies.text("id_number_before_code", language)], state)
    if state.step != Step.CODE:
        return Outcome([replies.text("no_code", language)], state)
    code = find_code(message.text)
    if code is None:
        return Outcome([replies.text("code_format", language)], state)
    outcome = records.check_code(code)
    if outcome.status == CheckStatus.VERIFIED:
        return Outcome([replies.verified(outcome.person.id_number, language),
                        _show(outcome.person, state.request, records, language)], State(request=state.request))
    if outcome.status == CheckStatus.WRONG:
        return Outcome([replies.wrong_code(outcome.codes_left, language)], state)
    if outcome.status == CheckStatus.STOPPED:
        return Outcome([replies.stopped(outcome.stop, language)], State())
    if outcome.status == CheckStatus.EXPIRED:
        return Outcome([replies.text("expired", language)], state)
    return Outcome([replies.text("no_code", language)], State(request=state.request))


def _new_code(state: State, message: Message, records: Records) -> Outcome:
    outcome = records.resend_code() if state.step == Step.CODE else None
    if outcome is None:
        return Outcome([replies.text("no_code", message.language)], state)
    if outcome.stop and outcome.stop.limit == Limit.RESEND_INTERVAL:  # "再发一个" is often "it never came"
        return _code_not_received(state, message, records)
    return _code_requested(state, outcome, message.language)


def _code_not_received(state: State, message: Message, records: Records) -> Outcome:
    """Where the code goes, that it is never shown here, a resend (or how long until one), and the ways
    in without a text message."""
    if state.step != Step.CODE:
        return Outcome([replies.code_not_received(None, message.language)], state)
    return Outcome([replies.code_not_received(records.seconds_until_resend(), message.language)], state)


def _follow_up(state: State, message: Message, records: Records) -> Outcome:
    """A follow-up changes the look-up in the conversation; one that changes nothing recognisable, or has no
    look-up to follow ("那报销比例呢" after a policy answer), is the model's next choice, or unclear."""
    previous = state.request
    request = resolve_follow_up(message.text, previous.service if previous else None,
                                previous.period if previous else None, message.today,
                                scope=previous.scope if previous else None)
    if previous is None or request == previous:
        if message.second_choice and message.second_choice.startswith(POLICY_INTENT_PREFIX):
            return Outcome([], state, answer_topic=message.second_choice)
        if previous is None:
            return _unclear(state, message, records)
    return _start_or_continue(state, request, message, records)


def _unclear(state: State, message: Message, records: Records) -> Outcome:
    """At a step, that step's question again; otherwise the closest topics."""
    language = message.language
    prompts = {Step.CHOOSING: replies.clarify_balance, Step.CONSENT: replies.consent_request,
               Step.ID_NUMBER: lambda lang: replies.text("ask_id_number", lang),
               Step.CODE: lambda lang: replies.text("type_the_code", lang)}
    if state.step is None:
        return Outcome([], state, suggest=True)
    return Outcome([prompts[state.step](language)], state)


def _log_out(state: State, message: Message, records: Records) -> Outcome:
    return Outcome([replies.text("logged_out" if records.log_out() else "not_logged_in", message.language)], State())


_HANDLERS = {
    Kind.SERVICE: _service, Kind.AMBIGUOUS_BALANCE: _ambiguous_balance, Kind.AGREE: _agree,
    Kind.DECLINE: _decline, Kind.ID_NUMBER: _id_number, Kind.CODE: _code, Kind.NEW_CODE: _new_code,
    Kind.CODE_NOT_RECEIVED: _code_not_received, Kind.FOLLOW_UP: _follow_up, Kind.LOG_OUT: _log_out,
    Kind.UNCLEAR: _unclear,
}
