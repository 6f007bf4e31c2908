"""When each policy topic must be checked again: `make test` lists the topics due soon, and the reference page
flags the overdue ones for the staff. A topic's review_by is at most a year after its last review (the topic
loader enforces that); the calendar date itself never fails a test, so an unrelated change never does.

    python -m bot.knowledge.review [days]
"""
import datetime
import sys
from typing import Iterable, List

from bot.knowledge import Topic, load_topics

DUE_SOON = datetime.timedelta(days=60)


def is_overdue(topic: Topic, today: datetime.date) -> bool:
    return topic.review_by < today


def due_within(topics: Iterable[Topic], today: datetime.date, window: datetime.timedelta = DUE_SOON) -> List[Topic]:
    """The topics whose review date falls before today + window (overdue ones included), soonest first."""
    return sorted((t for t in topics if t.review_by <= today + window), key=lambda t: (t.review_by, t.id))


def main() -> None:
    window = datetime.timedelta(days=int(sys.argv[1])) if len(sys.argv) > 1 else DUE_SOON
    today = datetime.date.today()
    due = due_within(load_topics(), today, window)
    print(f"    {len(due)} policy topic(s) due for review within {window.days} days" + (":" if due else ""))
    for topic in due:
        state = "OVERDUE since" if is_overdue(topic, today) else "due"
        print(f"      {topic.id}: {state} {topic.review_by.isoformat()} (last reviewed {topic.last_reviewed.isoformat()})")


if __name__ == "__main__":
    main()
