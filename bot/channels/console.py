"""Command-line chat with a running assistant (what `make shell` opens).

Unlike plain `rasa shell`, it talks to the server started by `make run`, so the command line goes
through the same channel, input guard and action server as the website.
"""
import argparse
import asyncio

import requests
from rasa.core.channels import console


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005", help="the Rasa server (default: %(default)s)")
    args = parser.parse_args()
    # The server issues the conversation's secret; a name chosen here would not be accepted.
    try:
        secret = requests.post(f"{args.url}/webhooks/rest/session", timeout=10).json()["sender"]
    except requests.RequestException:
        raise SystemExit(f"The assistant is not reachable at {args.url}: start it with `make run` first.")
    print("Type your question in Chinese or English; /stop to quit.")
    # The REST channel answers with the whole list of replies (no streaming).
    asyncio.run(console.record_messages(server_url=args.url, sender_id=secret, use_response_stream=False))


if __name__ == "__main__":
    main()
