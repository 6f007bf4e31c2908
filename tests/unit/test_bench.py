"""The benchmarks' own helpers: fictional people with valid, distinct ID numbers; py-spy stacks counted by component."""
from bench.people import bench_id_number, bench_phone
from bench.profile import share_by_component
from bot.identity.id_numbers import check_id_number


def test_bench_people_have_valid_distinct_id_numbers_and_phones():
    numbers = [bench_id_number(index) for index in range(200)]
    assert all(check_id_number(number).valid for number in numbers)
    assert len(set(numbers)) == 200 and len({bench_phone(index) for index in range(200)}) == 200


def test_each_sample_counts_for_the_first_component_in_its_stack():
    collapsed = "\n".join([
        "handle (sanic/app.py:1);retrieve (rasa/core/tracker_store.py:9);loads (json/decoder.py:3) 7",
        "handle (sanic/app.py:1);process (rasa/nlu/classifiers/diet_classifier.py:5) 3",
        "handle (sanic/app.py:1);run (asyncio/events.py:2) 2",
        "select (selectors.py:4) 1",
    ])
    assert share_by_component(collapsed) == {"tracker store: reading": 7, "DIETClassifier": 3,
                                             "web server and event loop": 2, "other": 1}
