"""Command-line chat with a running assistant (what `make shell` opens).

It talks to the server started by `make run` over the REST channel, so the command line goes through the same
channel, input guard and action server as the website. What you type is sent as typed; a reply's buttons are
numbered and a bare number chooses one. `/stop`, Ctrl-D or the end of a pipe ends the chat, so a script can pipe
questions in:

    printf '你好\\n1\\n/stop\\n' | .venv/bin/python -m bot.channels.console
"""
import argparse
import re
import shutil
import sys
from typing import Callable, Iterable, Iterator, List, Tuple

import requests
from wcwidth import wcswidth

STOP = "/stop"
PROMPT = "> "
REPLY_INDENT = "  "
# English words stay whole; every other character (Chinese, punctuation) may end a line.
TOKENS = re.compile(r"\s+|[!-~]+|.")

Replies = List[dict]


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: a Chinese character takes two."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def wrap(text: str, width: int) -> List[str]:
    """The text's lines broken to fit `width` columns, at spaces in English and anywhere in Chinese."""
    lines: List[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for token in TOKENS.findall(paragraph):
            if display_width(line + token) <= width:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = "" if token.isspace() else token
            while display_width(line) > width:  # a word longer than the line: cut it
                cut = max(i for i in range(1, len(line) + 1) if display_width(line[:i]) <= width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def render(replies: Replies, width: int) -> Tuple[List[str], List[dict]]:
    """The lines to print for the assistant's replies, and their buttons in the order they are numbered."""
    lines: List[str] = []
    buttons: List[dict] = []
    for reply in replies:
        lines += [REPLY_INDENT + line for line in wrap(reply.get("text") or "", width - len(REPLY_INDENT))]
        for button in reply.get("buttons") or []:
            buttons.append(button)
            label = f"{len(buttons)}) {button.get('title', '')}"
            lines += [REPLY_INDENT * 2 + line for line in wrap(label, width - 2 * len(REPLY_INDENT))]
    return lines, buttons


def message_for(typed: str, buttons: List[dict]) -> str:
    """A bare number that names one of the last reply's buttons sends that button; anything else is sent as typed."""
    text = typed.strip()
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return buttons[int(text) - 1]["payload"]
    return text


def chat(typed_lines: Iterable[str], send: Callable[[str], Replies], show: Callable[[str], None], width: int,
         echo: bool) -> None:
    """Sends each typed line until /stop or the end of input, showing the replies."""
    buttons: List[dict] = []
    for typed in typed_lines:
        if echo:  # piped input: the transcript shows what was sent
            show(PROMPT + typed.rstrip("\n"))
        if typed.strip() == STOP:
            break
        if not typed.strip():
            continue
        try:
            replies = send(message_for(typed, buttons))
        except requests.RequestException as error:
            show(f"{REPLY_INDENT}(The assistant did not answer: {error.__class__.__name__}. Is `make run` still going?)")
            continue
        lines, buttons = render(replies, width)
        for line in lines:
            show(line)


def typed_lines(interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from sys.stdin
        return
    while True:
        try:
            yield input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:5005", help="the Rasa server (default: %(default)s)")
    args = parser.parse_args()
    # The server issues the conversation's secret; a name chosen here would not be accepted.
    try:
        secret = requests.post(f"{args.url}/webhooks/rest/session", timeout=10).json()["sender"]
    except requests.RequestException:
        raise SystemExit(f"The assistant is not reachable at {args.url}: start it with `make run` first.")

    def send(text: str) -> Replies:
        response = requests.post(f"{args.url}/webhooks/rest/webhook", json={"sender": secret, "message": text},
                                 timeout=60)
        response.raise_for_status()
        return response.json()

    interactive = sys.stdin.isatty()
    if interactive:
        print(f"Type your question in Chinese or English; a number chooses a button; {STOP} or Ctrl-D to quit.")
    width = shutil.get_terminal_size().columns
    chat(typed_lines(interactive), send, print, width, echo=not interactive)


if __name__ == "__main__":
    main()
