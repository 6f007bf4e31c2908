"""The slots that carry the identity check's and the estimate's state between messages, read and written
in one place for every action (the state itself is defined in bot/)."""
from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.forms import REQUESTED_SLOT

from bot.accounts.lookup import LookUpRequest
from bot.identity.check import State, Step
from bot.reimbursement import form

REQUEST_SLOTS = ("requested_service", "requested_period", "requested_scope", "claim_reference")


def identity_state(tracker: Tracker) -> State:
    step, service = tracker.get_slot("identity_step"), tracker.get_slot("requested_service")
    request = LookUpRequest(service, *(tracker.get_slot(name) for name in REQUEST_SLOTS[1:])) if service else None
    return State(Step(step) if step else None, request, int(tracker.get_slot("invalid_id_entries") or 0))


def identity_slots(state: State) -> List[EventType]:
    request = state.request
    values = (request.service, request.period, request.scope, request.claim_reference) if request else (None,) * 4
    return ([SlotSet("identity_step", state.step.value if state.step else None),
             SlotSet("invalid_id_entries", state.invalid_id_entries)]
            + [SlotSet(name, value) for name, value in zip(REQUEST_SLOTS, values)])


CLEARED_ESTIMATE = [SlotSet(slot, None) for slot in form.SLOTS]
# What "cancel" leaves behind: no estimate, no check in progress, nothing asked for.
CLEARED_EVERYTHING = [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), *CLEARED_ESTIMATE, *identity_slots(State())]
