"""What is stored of a conversation: no full ID number, phone number, code or token."""
import asyncio

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.redacting_tracker_store import RedactingSQLTrackerStore
from bot.identity.redaction import holds_code, redact_text


@pytest.mark.parametrize("text, expected", [
    ("我的身份证号是440304198506121230", "我的身份证号是440***********1230"),
    ("ID 1101 0519 4912 3100 2X please", "ID 110***********002X please"),
    ("call me on 13812345678", "call me on 138****5678"),
    ("I spent 30000 yuan", "I spent 30000 yuan"),
    ("2026-09 的明细", "2026-09 的明细"),
])
def test_long_numbers_are_masked(text, expected):
    assert redact_text(text) == expected


def test_codes_are_hidden_only_in_code_messages():
    assert redact_text("验证码 482913", is_code=True) == "验证码 ******"
    assert redact_text("I spent 300000 yuan") == "I spent 300000 yuan"


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
    assert user_events[0].metadata["auth_token"] == "[redacted]"
    assert user_events[1].text == "******"
