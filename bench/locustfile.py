"""Simulated users for bench/load.py (run by Locust in its own environment, build/bench-venv).

FloorUser talks to the bare `rasa init` bot with its own phrases. CitizenUser is one conversation with the
assistant over the REST webhook, mixing, as citizens do: policy questions in both languages (weight 6), a
personal look-up (weight 3; the first one is the whole identity check: request, consent, ID number, the code
read from the development outbox), and a whole hospital-bill estimate (weight 1). Users send without pauses:
the benchmark measures capacity. Each user has its own loopback address and its own fictional person
(bench/people.py), as each citizen has their own phone and ID number.
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
user_numbers = itertools.count()

CODE = re.compile(r"\d{6}")


class FromAddress(HTTPAdapter):
    """Connects from one loopback address, so the assistant sees one client per simulated user."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs, source_address=(self.address, 0))


class Conversation(HttpUser):
    abstract = True
    wait_time = constant(0)

    def on_start(self):
        self.number = next(user_numbers)
        self.client.mount("http://", FromAddress(f"127.0.{1 + self.number // 250}.{1 + self.number % 250}"))
        self.sender = f"bench-{os.getpid()}-{self.number}"

    def say(self, text: str, kind: str) -> list:
        """Sends one message; a reply that is not a non-empty list of messages counts as a failure."""
        with self.client.post(WEBHOOK, json={"sender": self.sender, "message": text}, name=kind,
                              catch_response=True) as response:
            replies = response.json() if response.ok else []
            if not replies:
                response.failure(f"HTTP {response.status_code}, no reply")
            else:
                response.success()
            return replies


class FloorUser(Conversation):
    @task
    def chat(self):
        self.say(random.choice(FLOOR_MESSAGES), "floor")


class CitizenUser(Conversation):
    def on_start(self):
        super().on_start()
        # Outside Locust's statistics: they count messages only.
        self.sender = requests.post(f"{self.host}/webhooks/rest/session", timeout=60).json()["sender"]
        self.verified = False

    @task(6)
    def policy_question(self):
        self.say(random.choice(POLICY_QUESTIONS), "policy question")

    @task(3)
    def look_up(self):
        if not self.verified:
            self.verified = self.identity_check()
        else:
            self.say(random.choice(LOOK_UPS), "look-up")

    @task(1)
    def estimate(self):
        for text in random.choice(ESTIMATES):
            self.say(text, "estimate")

    def identity_check(self) -> bool:
        for text in ("查一下我的医保余额", "同意", f"身份证号 {bench_id_number(self.number)}"):
            self.say(text, "identity check")
        code = self.latest_code()
        if code is None:
            return False
        replies = self.say(code, "identity check")
        return any("余额" in (reply.get("text") or "") for reply in replies)

    def latest_code(self) -> str | None:
        """The code of the latest text message to this user's phone (SMS_BACKEND=outbox)."""
        with sqlite3.connect(f"file:{os.environ['BENCH_DATABASE']}?mode=ro", uri=True, timeout=10) as db:
            row = db.execute("SELECT text FROM sms_outbox WHERE phone = ? ORDER BY id DESC LIMIT 1",
                             (bench_phone(self.number),)).fetchone()
        found = CODE.search(row[0]) if row else None
        return found.group(0) if found else None
