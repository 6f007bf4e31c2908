"""Reading a small request body without ever holding more than the route allows."""
from sanic.request import Request


async def read_capped_body(request: Request, limit: int) -> bytes:
    """The body of a route declared with stream=True; Sanic answers 413 once it grows past limit bytes."""
    request.stream.request_max_size = limit
    return b"".join([chunk async for chunk in request.stream])
