"""The Rasa server checks every reply of the action server against Rasa's JSON schema with `jsonschema.validate`,
which first checks that schema itself against the meta-schema: about 20 ms of CPU per action call, most of
the server's time with custom actions (bench/profile.py). The same check with a validator built once (0.9 ms)."""
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction


@lru_cache(maxsize=1)
def _validator():
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)  # once, where jsonschema.validate does it on every call
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    try:
        _validator().validate(result)
    except ValidationError as error:  # as Rasa words it
        error.message += (". Failed to validate Action server response from API, make sure your response from "
                          "the Action endpoint is valid.")
        raise
    return True


def install_fast_action_result_check() -> None:
    RemoteAction._validate_action_result = _validate_action_result
