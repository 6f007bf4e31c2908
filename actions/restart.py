""""/restart" starts the conversation again from nothing, so it also ends the verification the old one had."""
from rasa_sdk.events import Restarted

from actions.personal import PersonalAction
from bot.identity import sessions


class ActionRestart(PersonalAction):
    """Replaces Rasa's default action_restart (listed in domain.yml under the same name)."""

    def name(self) -> str:
        return "action_restart"

    def handle(self, session, dispatcher, tracker, language):
        sessions.end_verification(session, tracker.sender_id)
        dispatcher.utter_message(response="utter_restart")
        return [Restarted()]
