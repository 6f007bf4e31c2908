"""UnknownWordsFallback: a message with no word seen in training is a miss; the vocabulary survives a reload."""
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.components import UnknownWordsFallback


def tokenized(text, intent=None):
    tokens, offset = [], 0
    for word in text.split():
        tokens.append(Token(word, offset))
        offset += len(word) + 1
    message = Message(data={"text": text, "text_tokens": tokens,
                            **({"intent": intent} if intent else {})})
    return message


def trained(tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("unknown_words")
    component = UnknownWordsFallback.create({}, storage, resource, ExecutionContext(None, "test"))
    component.train(TrainingData([tokenized("查 余额", "request_balance"), tokenized("check my balance", "request_balance")]))
    return UnknownWordsFallback.load({}, storage, resource, ExecutionContext(None, "test"))


def predict(component, text):
    message = tokenized(text)
    message.set("intent", {"name": "feedback_helpful", "confidence": 0.99})
    return component.process([message])[0].get("intent")["name"]


def test_a_message_of_unknown_words_is_a_miss_after_a_reload(tmp_path):
    component = trained(tmp_path)
    assert predict(component, "asdf qwer zxcv") == "nlu_fallback"
    assert predict(component, "啾啾 喵喵") == "nlu_fallback"


def test_one_known_word_keeps_the_models_intent(tmp_path):
    component = trained(tmp_path)
    assert predict(component, "my balence") == "feedback_helpful"
    assert predict(component, "BALANCE ??") == "feedback_helpful"  # case does not matter


def test_digits_and_punctuation_are_not_words(tmp_path):
    component = trained(tmp_path)
    assert predict(component, "440304198506121230") == "feedback_helpful"  # the shape recogniser decides those
    assert predict(component, "?? !!") == "feedback_helpful"
