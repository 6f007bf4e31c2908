"""Rasa NLU components of the assistant.

MessageGuard runs first in the pipeline: it tags every message with its language (an entity that
fills the `language` slot, which selects the reply variation) and truncates over-long text so the
models never process more than the limit, whatever channel the message came from.
"""
import json
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import settings
from bot.identity.check import INTENTS as PERSONAL_SERVICE_INTENTS, intent_by_shape
from bot.language import detect_language

LANGUAGE_ENTITY = "language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class MessageGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageGuard":
        return cls(max_chars=settings.max_message_chars())

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if len(text) > self.max_chars:
                message.set(TEXT, text[: self.max_chars])
            language = detect_language(text)
            if language:
                entity = {"entity": LANGUAGE_ENTITY, "value": language, "start": 0, "end": 0,
                          "extractor": self.__class__.__name__}
                message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


FALLBACK_INTENT = "nlu_fallback"
# A request for a service keeps its intent even when the message is shaped like an ID number or a code (the
# service asked for rides along); for the two intents that name those inputs, the shape decides.
KEEP_THEIR_INTENT = frozenset(PERSONAL_SERVICE_INTENTS) - {"provide_id_number", "provide_code"}


def words_of(message: Message) -> List[str]:
    """The message's tokens that are words (letters or Chinese characters), lower-cased."""
    return [token.text.lower() for token in message.get(TOKENS_NAMES[TEXT]) or []
            if any(ch.isalpha() for ch in token.text)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    """A message none of whose words occurs anywhere in the training data ("asdf qwer") is a miss, however
    sure the classifier is: it always ranks some intent first. The intent ranking is kept, for "did you mean"."""

    VOCABULARY_FILE = "vocabulary.json"

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "UnknownWordsFallback":
        return cls(model_storage, resource, vocabulary=set())

    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: set) -> None:
        self._model_storage, self._resource, self.vocabulary = model_storage, resource, vocabulary

    def train(self, training_data: TrainingData) -> Resource:
        self.vocabulary = {word for message in training_data.training_examples for word in words_of(message)}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / self.VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "UnknownWordsFallback":
        with model_storage.read_from(resource) as directory:
            vocabulary = set(json.loads((directory / cls.VOCABULARY_FILE).read_text(encoding="utf-8")))
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            words = words_of(message)
            if words and not self.vocabulary.intersection(words):
                message.set(INTENT, {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                            add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IdentityInputRecogniser(GraphComponent):
    """Runs last: a message that is an ID number or a verification code by its shape is one, whatever the
    intent model (or the fallback) said, so "没事 11010519491231002X" or "385 106" always reach the check.
    A message already sent to the other personal services keeps its intent (and with it the service asked for)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "IdentityInputRecogniser":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            shaped = intent_by_shape(message.get(TEXT) or "")
            if shaped and intent not in KEEP_THEIR_INTENT:
                message.set(INTENT, {"name": shaped, "confidence": 1.0}, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
