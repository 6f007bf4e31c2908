"""Log lines of the assistant's servers: no full ID number, phone number or identity token."""
import io
import logging
import os
import subprocess
import sys
import textwrap

import pytest

from bot.log_masking import MASKING_FILTER, install_log_masking
from bot.settings import PROJECT_ROOT

ID_NUMBER = "440304198506121230"
MASKED_ID = "440***********1230"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0NDAzMDQxOTg1MDYxMjEyMzAifQ.c2lnbmF0dXJl"


@pytest.fixture
def masking(monkeypatch):
    """Installs the masking, and takes it off again afterwards: other tests read their own logs."""
    monkeypatch.setattr(logging.Handler, "__init__", logging.Handler.__init__)  # restored after the test
    yield install_log_masking
    logging.captureWarnings(False)
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            handler.removeFilter(MASKING_FILTER)
    if logging.lastResort:
        logging.lastResort.removeFilter(MASKING_FILTER)


def _logger_writing_to(stream: io.StringIO, name: str = "tests.log_masking") -> logging.Logger:
    logger = logging.getLogger(name)
    logger.handlers, logger.propagate = [], False
    logger.setLevel(logging.INFO)
    logger.addHandler(logging.StreamHandler(stream))
    return logger


def test_a_message_is_masked_after_its_arguments_are_filled_in(masking):
    masking()
    stream = io.StringIO()
    _logger_writing_to(stream).warning("conversation %s typed %r", "c1", {"id": ID_NUMBER, "phone": "139-1111-2222"})
    assert stream.getvalue() == f"conversation c1 typed {{'id': '{MASKED_ID}', 'phone': '139****2222'}}\n"


def test_an_f_string_message_is_masked(masking):
    masking()
    stream = io.StringIO()
    _logger_writing_to(stream).info(f"metadata {{'auth_token': 'opaque-value'}} {TOKEN} +86 139 1111 2222")
    assert stream.getvalue() == "metadata {'auth_token': '[token]'} [token] +86 139****2222\n"


def test_a_traceback_is_masked_for_every_handler(masking):
    masking()
    plain, detailed = io.StringIO(), io.StringIO()
    logger = _logger_writing_to(plain)
    second = logging.StreamHandler(detailed)
    second.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(second)
    try:
        raise ValueError(f"metadata is not a JSON object: {ID_NUMBER}")
    except ValueError:
        logger.exception("Could not handle the message")
    for output in (plain.getvalue(), detailed.getvalue()):
        assert "Traceback (most recent call last)" in output
        assert f"ValueError: metadata is not a JSON object: {MASKED_ID}" in output
        assert ID_NUMBER not in output


def test_handlers_made_before_and_after_installation_are_masked(masking):
    before, after = io.StringIO(), io.StringIO()
    logger = _logger_writing_to(before)
    masking()
    logger.addHandler(logging.StreamHandler(after))
    logger.warning("ID %s", ID_NUMBER)
    assert before.getvalue() == after.getvalue() == f"ID {MASKED_ID}\n"
    assert MASKING_FILTER in logging.lastResort.filters  # what writes for loggers without a handler


def test_installing_twice_masks_once(masking):
    masking()
    masking()
    stream = io.StringIO()
    logger = _logger_writing_to(stream)
    logger.warning("%s", ID_NUMBER)
    assert logger.handlers[0].filters == [MASKING_FILTER]
    assert stream.getvalue() == f"{MASKED_ID}\n"


RASA_LOGGING = textwrap.dedent("""
    import io, logging, sys
    from rasa.utils.log_utils import configure_structlog
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.message import Message
    import structlog
    from bot.log_masking import install_log_masking

    configure_structlog(logging.INFO)  # as `rasa run` does before it serves
    install_log_masking()  # what the channels' blueprint() does
    captured = io.StringIO()
    logging.getLogger().addHandler(logging.StreamHandler(captured))
    # Rasa's slash-intent parsing: a warning for the unparsable part, a structlog warning for no intent.
    YAMLStoryReader.unpack_regex_message(Message({"text": "/request_balance{bad json %(id)s"}))
    YAMLStoryReader.unpack_regex_message(Message({"text": '/{"amount": "%(id)s"}'}))

    def handle(text):  # structlog's tracebacks carry the frame's variables
        raise ValueError("metadata is not a JSON object")

    try:
        handle("my ID is %(id)s")
    except ValueError:
        structlog.get_logger().exception("rest.message.failed")
    print("CAPTURED", captured.getvalue())
""") % {"id": ID_NUMBER}


def test_rasa_logs_no_id_number_it_is_given():
    environment = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), RASA_TELEMETRY_ENABLED="false")
    run = subprocess.run([sys.executable, "-c", RASA_LOGGING], cwd=PROJECT_ROOT, env=environment,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    captured = run.stdout.split("CAPTURED", 1)[1]
    assert "Failed to parse arguments" in captured and "message.parsing.failed" in captured
    assert "rest.message.failed" in captured and "my ID is" in captured
    assert captured.count(MASKED_ID) >= 3
    assert ID_NUMBER not in run.stdout + run.stderr
