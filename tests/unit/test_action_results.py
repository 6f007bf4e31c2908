"""The action server's replies are checked against Rasa's schema as before, without re-checking the schema."""
from unittest import mock

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.channels.action_results import _validator, install_fast_action_result_check

VALID = {"events": [{"event": "slot", "name": "est_city", "value": "shanghai"}],
         "responses": [{"text": "Which hospital stay is this?", "buttons": [{"title": "1", "payload": "/x"}]}]}


@pytest.fixture
def action():
    install_fast_action_result_check()
    return RemoteAction("action_personal_service", None)


def test_a_valid_reply_passes_without_checking_the_schema_again(action):
    _validator()
    with mock.patch.object(type(_validator()), "check_schema") as check_schema:
        assert action._validate_action_result(VALID) is True
    check_schema.assert_not_called()


@pytest.mark.parametrize("reply", [{"events": [{"event": "slot", "value": 1}]},  # a slot event without its name
                                   {"events": "not a list"}, {"responses": [42]}])
def test_an_invalid_reply_is_refused_as_rasa_refuses_it(action, reply):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(reply)
