"""Masks ID numbers, phone numbers and identity tokens in every log record of the assistant's servers.

Call install_log_masking() once logging is set up, or at start-up (it is safe to call again). How it reaches
every record:
- One MaskingFilter on every handler. A handler is where every record is written, whichever logger it came
  from; a logger's own filters would miss the records its children propagate to it.
- Handlers that exist are found on the root logger, every named logger (root, rasa, sanic.root, sanic.error,
  sanic.access, ...) and logging.lastResort (used when a logger has none). Handlers made later (Sanic's and
  dictConfig's, coloredlogs', a log file's) get the filter from Handler.__init__, which is wrapped once. A log
  record factory was not chosen: any library may replace it, and it cannot see a handler's own formatting.
- Python warnings are routed into logging (logging.captureWarnings): Rasa reports an unparsable
  "/intent{...}" message with warnings.warn, which would otherwise reach stderr unmasked.
Log levels are left as they are.
"""
import functools
import logging
import re

from bot.identity.redaction import mask_identifiers
from bot.identity.tokens import METADATA_KEY

# The token's value after its name in a dict, JSON (also escaped inside JSON) or a query string.
TOKEN_VALUE = re.compile(f"({re.escape(METADATA_KEY)}[\\\\\"']*\\s*[:=]\\s*[\\\\\"']*)[^\\s\\\\\"',;&)}}\\]]+")
# What a LogRecord carries by itself; anything else on a record is an `extra` a formatter may print.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
TRACEBACK_FORMATTER = logging.Formatter()


def mask_log_text(text: str) -> str:
    return TOKEN_VALUE.sub(r"\1[token]", mask_identifiers(text))


class MaskingFilter(logging.Filter):
    """Masks a record in place, so every handler after the first writes the masked record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit: logging would print them raw in its error report
            message = f"{record.msg} {record.args}"
        masked = mask_log_text(message)
        if masked != message:
            record.msg, record.args = masked, ()
        if record.exc_info:
            # Formatted once here; without exc_info no formatter can print the traceback (or its frames) raw.
            record.exc_text = record.exc_text or TRACEBACK_FORMATTER.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = mask_log_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_log_text(record.stack_info)
        for name, value in list(vars(record).items()):
            if name not in STANDARD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, mask_log_text(value))  # e.g. the request line of Sanic's access log
        return True


MASKING_FILTER = MaskingFilter()


def _init_with_masking(init):
    @functools.wraps(init)
    def init_then_mask(handler: logging.Handler, *args, **kwargs) -> None:
        init(handler, *args, **kwargs)
        handler.addFilter(MASKING_FILTER)

    init_then_mask.adds_masking = True
    return init_then_mask


def _existing_handlers() -> set[logging.Handler]:
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    handlers = {handler for logger in loggers for handler in logger.handlers}
    return handlers | {logging.lastResort} if logging.lastResort else handlers


def install_log_masking() -> None:
    """Masks every record from now on, on the handlers that exist and on those made later."""
    if not getattr(logging.Handler.__init__, "adds_masking", False):
        logging.Handler.__init__ = _init_with_masking(logging.Handler.__init__)
    for handler in _existing_handlers():
        handler.addFilter(MASKING_FILTER)  # a no-op for a handler that has it
    logging.captureWarnings(True)
