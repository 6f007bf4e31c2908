"""Runs the action server on a private interface (127.0.0.1 by default).

The rasa-sdk action server has no authentication, and `rasa run actions` listens on 0.0.0.0, so the
project starts it through here:

    python -m actions.serve [--host 127.0.0.1] [--port 5055]
"""
import argparse
import os

from rasa_sdk.endpoint import run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("ACTION_SERVER_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", "5055")))
    args = parser.parse_args()
    # rasa_sdk.endpoint.run reads the interface from SANIC_HOST.
    os.environ["SANIC_HOST"] = args.host
    # Each call carries the whole domain and conversation, well over the 64 KB the public Rasa server
    # allows its clients; the action server is private, so it gets its own, larger limit.
    os.environ["SANIC_REQUEST_MAX_SIZE"] = os.environ.get("ACTION_SERVER_REQUEST_MAX_SIZE", str(16 * 1024 * 1024))
    run("actions", port=args.port)


if __name__ == "__main__":
    main()
