"""A folder's files served under a URL prefix: regular files inside the folder only, so a directory URL
(/static/) or a path leading out of it is a plain 404, never a listing or a server error."""
from pathlib import Path

from sanic import Blueprint
from sanic.exceptions import NotFound
from sanic.request import Request
from sanic.response import HTTPResponse, file


def static_files_blueprint(name: str, url_prefix: str, folder: Path) -> Blueprint:
    blueprint = Blueprint(name, url_prefix=url_prefix)

    @blueprint.get("/<relative_path:path>")
    async def serve(request: Request, relative_path: str) -> HTTPResponse:
        root = folder.resolve()
        path = (root / relative_path).resolve()
        if not (path.is_relative_to(root) and path.is_file()):
            raise NotFound("Not Found")
        return await file(path)

    return blueprint
