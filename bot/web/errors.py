"""Error pages that tell the visitor only the status: never a traceback, the server's name or its version
(those go to the server's log)."""
from http import HTTPStatus

from sanic.exceptions import SanicException
from sanic.handlers import ErrorHandler
from sanic.request import Request
from sanic.response import HTTPResponse, text


def plain_error_response(exception: Exception) -> HTTPResponse:
    """"404 Not Found" for an error Sanic knows the status of, "500 Internal Server Error" for anything else."""
    status = exception.status_code if isinstance(exception, SanicException) else HTTPStatus.INTERNAL_SERVER_ERROR
    headers = getattr(exception, "headers", None) or {}  # e.g. Allow of a 405, which a client needs
    return text(f"{status} {HTTPStatus(status).phrase}", status=status, headers=headers)


class PlainErrorHandler(ErrorHandler):
    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        self.log(request, exception)
        return plain_error_response(exception)
