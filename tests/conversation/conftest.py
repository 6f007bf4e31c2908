import pytest

from tests.assistant_process import RunningAssistant

IDENTITY_TOKEN_SECRET = "conversation-tests-identity-token-secret"


@pytest.fixture(scope="package")
def assistant(tmp_path_factory):
    running = RunningAssistant(tmp_path_factory.mktemp("assistant"),
                               env={"IDENTITY_TOKEN_SECRET": IDENTITY_TOKEN_SECRET}).start()
    yield running
    running.stop()


@pytest.fixture
def conversation(assistant):
    """Sends messages in one new conversation; returns the replies' texts and buttons."""
    sender = assistant.new_secret()

    class Conversation:
        secret = sender
        conversation_id = assistant.conversation_id(sender)  # as the servers store it

        def say(self, text, metadata=None):
            self.replies = assistant.send(sender, text, metadata)
            return self.replies

        @property
        def text(self):
            return "\n".join(r.get("text", "") for r in self.replies)

        @property
        def buttons(self):
            return [b["payload"] for r in self.replies for b in r.get("buttons", [])]

    return Conversation()
