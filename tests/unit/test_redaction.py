"""What is stored of a conversation: no full ID number, phone number, code or token."""
import asyncio
import json
import re
import sqlite3

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.training_data.message import Message

from bot.channels.redacting_tracker_store import RedactingSQLTrackerStore
from bot.identity.redaction import holds_code, redact_text, redact_value
from bot.identity.tokens import METADATA_KEY, issue_token

ID_NUMBER = "320102197505050033"
TOKEN = issue_token(ID_NUMBER, "a test secret of at least 32 bytes")
# What must never be found in a stored row; mobile numbers and codes are looked for with separators removed.
FULL_ID = re.compile(r"\d{17}[\dXx]")
FULL_MOBILE = re.compile(r"1[3-9]\d{9}")
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]*")
SEPARATORS = re.compile(r"[\s\-.\u2013+]")


@pytest.mark.parametrize("text, expected", [
    ("我的身份证号是440304198506121230", "我的身份证号是440***********1230"),
    ("ID 1101 0519 4912 3100 2X please", "ID 110***********002X please"),
    ("call me on 13812345678", "call me on 138****5678"),
    ("I spent 30000 yuan", "I spent 30000 yuan"),
    ("2026-09 的明细", "2026-09 的明细"),
    ("139-1111-2222", "139****2222"),
    ("电话 139  1111  2222", "电话 139****2222"),
    ("139.1111.2222", "139****2222"),
    ("139–1111–2222", "139****2222"),
    ("+86 139 1111 2222", "+86 139****2222"),
    ("１３９１１１１２２２２", "139****2222"),  # full-width digits
    ("ID: 440304-19850612-1230", "ID: 440***********1230"),
    ("id440304198506121230, tel13912345678", "id440***********1230, tel139****5678"),
    ("claim ZY2026030001 of 2026-09-01: 30,000 yuan, 3万, 1500000.00 in all",  # a decimal is an amount
     "claim ZY2026030001 of 2026-09-01: 30,000 yuan, 3万, 1500000.00 in all"),
])
def test_long_numbers_are_masked(text, expected):
    assert redact_text(text) == expected


def test_codes_are_hidden_only_in_code_messages():
    assert redact_text("验证码 482913", is_code=True) == "验证码 ******"
    assert redact_text("I spent 300000 yuan") == "I spent 300000 yuan"


def test_a_code_typed_with_two_spaces_is_a_code():
    """The identity action joins digit groups whatever the spacing (bot.identity.id_numbers.join_digit_groups)."""
    assert holds_code("123  456", "estimate_reimbursement")
    assert redact_text("123  456", is_code=True) == "******"


def test_a_typed_token_is_hidden():
    assert redact_text(f"my token is {TOKEN}, thanks") == "my token is [token], thanks"


def test_every_value_is_masked_and_the_identity_token_dropped_at_any_depth():
    value = {"client": {METADATA_KEY: TOKEN, "contacts": [{"phone": "139-1111-2222"}, int(ID_NUMBER)]},
             METADATA_KEY: TOKEN, "total": "30000", "level": "三级医院", "count": 3, "share": 0.85, "ok": True}
    assert redact_value(value) == {"client": {"contacts": [{"phone": "139****2222"}, "320***********0033"]},
                                   "total": "30000", "level": "三级医院", "count": 3, "share": 0.85, "ok": True}


@pytest.mark.parametrize("text, intent, expected", [
    ("验证码 482913", "provide_code", True),
    ("验证码是482913", "provide_id_number", True),  # the identity action reads codes from both intents
    (" 482 913 ", "estimate_reimbursement", True),  # a bare code is a code whatever the NLU thought it was
    ("I spent 300000 yuan", "estimate_reimbursement", False),
    ("30000", "estimate_reimbursement", False),
])
def test_which_messages_hold_a_code(text, intent, expected):
    assert holds_code(text, intent) is expected


def test_stored_events_are_masked_but_the_live_tracker_is_not(tmp_path):
    store = RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    user = UserUttered("身份证 440304198506121230", {"name": "provide_id_number", "confidence": 1.0},
                       [{"entity": "id_number", "value": "440304198506121230", "start": 4, "end": 22}],
                       metadata={"auth_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig"})
    code = UserUttered("482913", {"name": "provide_id_number", "confidence": 0.8})
    tracker = DialogueStateTracker.from_events("c1", [ActionExecuted("action_listen"), user,
                                                      BotUttered("ok"), code])
    asyncio.run(store.save(tracker))
    assert tracker.events[1].text == "身份证 440304198506121230"  # the actions of this turn saw it
    stored = asyncio.run(SQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
                         .retrieve("c1"))
    user_events = [event for event in stored.events if isinstance(event, UserUttered)]
    assert user_events[0].text == "身份证 440***********1230"
    assert user_events[0].parse_data["text"] == "身份证 440***********1230"
    assert user_events[0].entities[0]["value"] == "440***********1230"
    assert METADATA_KEY not in user_events[0].metadata
    assert user_events[1].text == "******"


def _strings(value):
    """Every string in a stored event, and every integer as its digits."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        yield str(value)


def _leaks(row: str, code: str) -> list[str]:
    found = FULL_ID.findall(row) + JWT.findall(row)
    for text in _strings(json.loads(row)):
        joined = SEPARATORS.sub("", text)
        found += FULL_ID.findall(joined) + FULL_MOBILE.findall(joined) + [code] * (code in joined)
    return found


def _stored_rows(store_class, db, tracker) -> list[str]:
    asyncio.run(store_class(domain=Domain.empty(), dialect="sqlite", db=str(db)).save(tracker))
    with sqlite3.connect(db) as connection:
        return [data for (data,) in connection.execute("SELECT data FROM events ORDER BY id")]


def _user(text: str, intent: str, entities=(), metadata=None, timestamp=10.0) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, list(entities), timestamp=timestamp,
                       metadata=metadata)


def _slash_intent(text: str, metadata: dict) -> UserUttered:
    """A message parsed the way Rasa parses "/intent{...}" (RegexMessageHandler)."""
    parse_data = YAMLStoryReader.unpack_regex_message(Message({"text": text})).as_dict(only_output_properties=True)
    return UserUttered(text, parse_data["intent"], parse_data["entities"], parse_data, timestamp=2.0,
                       metadata=metadata)


def test_no_identifier_reaches_any_stored_field_while_the_turn_sees_them_all(tmp_path):
    metadata = {METADATA_KEY: TOKEN, "server": {"client": "rest", METADATA_KEY: TOKEN}}
    injected = _slash_intent(f'/request_balance{{"amount": "{ID_NUMBER}"}}', metadata)
    domain = Domain.from_yaml("""
version: "3.1"
slots:
  claim_reference: {type: text, mappings: [{type: custom}]}
  est_total_cost: {type: text, mappings: [{type: custom}]}
  contact: {type: any, mappings: [{type: custom}]}
""")
    events = [
        ActionExecuted("action_session_start", timestamp=1.0), SessionStarted(timestamp=1.0),
        SlotSet("session_started_metadata", metadata, timestamp=1.0), ActionExecuted("action_listen", timestamp=1.0),
        injected,
        SlotSet("claim_reference", ID_NUMBER, timestamp=3.0),  # what the action sets from the injected entity
        SlotSet("contact", {"phones": ["139 1111 2222", "+86 139 1111 2222"], "id": int(ID_NUMBER)}, timestamp=3.0),
        SlotSet("est_total_cost", "1500000.00", timestamp=3.0),
        BotUttered("您的余额是 ……", timestamp=3.0), ActionExecuted("action_listen", timestamp=3.0),
        _user(f"I spent {ID_NUMBER} yuan at a 三级医院, 30000 in all", "estimate_reimbursement",
              [{"entity": "amount", "value": ID_NUMBER}, {"entity": "hospital_level", "value": "三级医院"},
               {"entity": "amount", "value": "30000"}], timestamp=4.0),
        _user("call 139-1111-2222, 139.1111.2222 or 139–1111–2222", "provide_phone", timestamp=5.0),
        _user("123  456", "estimate_reimbursement", timestamp=6.0),  # a code the NLU took for something else
        _user(f"here is my token {TOKEN}", "inform", timestamp=7.0),
    ]
    tracker = DialogueStateTracker.from_events("c1", events, slots=domain.slots)

    rows = _stored_rows(RedactingSQLTrackerStore, tmp_path / "masked.db", tracker)
    assert [leak for row in rows for leak in _leaks(row, "123456")] == []
    stored = {row["event"] + str(row["timestamp"]): row for row in map(json.loads, rows)}
    assert stored["user2.0"]["parse_data"]["entities"][0]["value"] == "320***********0033"
    assert stored["user4.0"]["parse_data"]["entities"][1:] == [{"entity": "hospital_level", "value": "三级医院"},
                                                               {"entity": "amount", "value": "30000"}]
    assert stored["user6.0"]["text"] == "******"
    assert stored["user7.0"]["text"] == "here is my token [token]"
    # What holds no personal data is stored exactly as Rasa stores it (a slot keeps its amount for the next turn).
    plain = _stored_rows(SQLTrackerStore, tmp_path / "plain.db", tracker)
    assert [masked for masked, row in zip(rows, plain) if not _leaks(row, "123456")] == [
        row for row in plain if not _leaks(row, "123456")]
    assert len(plain) == len(rows) == len(events)

    # The actions of this turn saw everything as typed.
    assert tracker.get_slot("claim_reference") == ID_NUMBER
    assert tracker.get_slot("session_started_metadata")[METADATA_KEY] == TOKEN
    assert injected.entities[0]["value"] == ID_NUMBER and injected.parse_data["metadata"][METADATA_KEY] == TOKEN
    assert tracker.latest_message.text == f"here is my token {TOKEN}"
