""""Cancel": stops whatever the user started: the estimate questions or the identity check (then utter_cancelled)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import CLEARED_ANSWERS
from actions.personal import REQUESTED_SLOT, RESET_CHECK


class ActionCancel(Action):
    def name(self) -> Text:
        return "action_cancel"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None), *CLEARED_ANSWERS, *RESET_CHECK,
                SlotSet("requested_service", None)]
