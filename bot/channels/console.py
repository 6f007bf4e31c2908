"""Command-line chat with a running assistant (what `make shell` opens).

Unlike plain `rasa shell`, it talks to the server started by `make run`, so the command line goes
through the same channel, input guard and action server as the website.
"""
import argparse
import asyncio
import uuid

from rasa.core.channels import console


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005", help="the Rasa server (default: %(default)s)")
    args = parser.parse_args()
    print("Type your question in Chinese or English; /stop to quit.")
    asyncio.run(console.record_messages(server_url=args.url, sender_id=f"shell-{uuid.uuid4().hex}"))


if __name__ == "__main__":
    main()
