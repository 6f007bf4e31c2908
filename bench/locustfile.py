"""Simulated users for bench/load.py (run by Locust in its own environment, build/bench-venv).

FloorUser talks to the bare `rasa init` bot with its own phrases. CitizenUser talks to the assistant over the
REST webhook, mixing, as citizens do: policy questions in both languages (weight 6), a
personal look-up (weight 3; the first one is the whole identity check: request, consent, ID number, the code
read from the development outbox), and a whole hospital-bill estimate (weight 1). Users send without pauses:
the benchmark measures capacity. A user goes on to a new conversation, as a new citizen, after about
TURNS_PER_CONVERSATION messages; each citizen has their own loopback address and fictional person
(bench/people.py), as each has their own phone and ID number.
"""
import itertools
import os
import random
import re
import sqlite3

import requests
from locust import HttpUser, constant, task
from requests.adapters import HTTPAdapter

from bench.people import bench_id_number, bench_phone
from bench.traffic import ESTIMATES, FLOOR_MESSAGES, LOOK_UPS, POLICY_QUESTIONS

WEBHOOK = "/webhooks/rest/webhook"
TURNS_PER_CONVERSATION = 12
# bench/load.py gives each run its own range of citizens, so none meets the one-code-a-minute limit twice.
citizens = itertools.count(int(os.environ.get("BENCH_FIRST_CITIZEN", "0")))

CODE = re.compile(r"\d{6}")


class FromAddress(HTTPAdapter):
    """Connects from one loopback address, so the assistant sees each citizen as their own client."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs, source_address=(self.address, 0))


def address_of(citizen: int) -> str:
    return f"127.1.{citizen // 250}.{citizen % 250 + 1}"


class Conversation(HttpUser):
    """A user has one conversation after another, each of about TURNS_PER_CONVERSATION messages, each as a
    new citizen: their own conversation, address and (for the assistant) fictional person."""

    abstract = True
    wait_time = constant(0)
    expects_reply = True

    def on_start(self):
        self.new_conversation()

    def new_conversation(self):
        self.citizen = next(citizens)
        self.client.mount("http://", FromAddress(address_of(self.citizen)))
        self.sender = self.open_conversation()
        self.turns = 0

    def open_conversation(self) -> str:
        return f"bench-{os.getpid()}-{self.citizen}"

    def next_task(self):
        if self.turns >= TURNS_PER_CONVERSATION:
            self.new_conversation()

    def say(self, text: str, kind: str) -> list:
        """Sends one message; an HTTP error, or no reply from a bot that always replies, is a failure."""
        self.turns += 1
        with self.client.post(WEBHOOK, json={"sender": self.sender, "message": text}, name=kind,
                              catch_response=True) as response:
            replies = response.json() if response.ok else []
            if not response.ok or (self.expects_reply and not replies):
                response.failure(f"HTTP {response.status_code}, {len(replies)} replies")
            else:
                response.success()
            return replies


class FloorUser(Conversation):
    expects_reply = False  # the `rasa init` bot has no answer to some of its own phrases out of its stories

    @task
    def chat(self):
        self.next_task()
        self.say(random.choice(FLOOR_MESSAGES), "floor")


class CitizenUser(Conversation):
    def open_conversation(self) -> str:
        self.verified = False
        # Outside Locust's statistics: they count messages only.
        return requests.post(f"{self.host}/webhooks/rest/session", timeout=60).json()["sender"]

    @task(6)
    def policy_question(self):
        self.next_task()
        self.say(random.choice(POLICY_QUESTIONS), "policy question")

    @task(3)
    def look_up(self):
        self.next_task()
        if not self.verified:
            self.verified = self.identity_check()
        else:
            self.say(random.choice(LOOK_UPS), "look-up")

    @task(1)
    def estimate(self):
        self.next_task()
        for text in random.choice(ESTIMATES):
            self.say(text, "estimate")

    def identity_check(self) -> bool:
        for text in ("查一下我的医保余额", "同意", f"身份证号 {bench_id_number(self.citizen)}"):
            self.say(text, "identity check")
        code = self.latest_code()
        if code is None:
            return False
        replies = self.say(code, "identity check")
        return any("余额" in (reply.get("text") or "") for reply in replies)

    def latest_code(self) -> str | None:
        """The code of the latest text message to this citizen's phone (SMS_BACKEND=outbox)."""
        with sqlite3.connect(f"file:{os.environ['BENCH_DATABASE']}?mode=ro", uri=True, timeout=10) as db:
            row = db.execute("SELECT text FROM sms_outbox WHERE phone = ? ORDER BY id DESC LIMIT 1",
                             (bench_phone(self.citizen),)).fetchone()
        found = CODE.search(row[0]) if row else None
        return found.group(0) if found else None
