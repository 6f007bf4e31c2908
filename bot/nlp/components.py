"""Rasa NLU components of the assistant.

MessageGuard runs first in the pipeline: it tags every message with its language (an entity that
fills the `language` slot, which selects the reply variation) and truncates over-long text so the
models never process more than the limit, whatever channel the message came from.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import settings
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
