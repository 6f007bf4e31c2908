"""The official addresses an answer may link to: the services it names and the policy documents it cites.

Only addresses the sources give. A document's address comes from the topic files (a source's `url`), so a
document is linked wherever any answer cites its number; a service's address is listed here with where it
was found. The widget turns each name into a link (bot/web passes this table to it).
"""
import re
from typing import Dict, Iterable

from bot.knowledge import Topic

# Found in ../shared/reference/coverage-research.md §4 (2): "link to fuwu.nhsa.gov.cn", the web side of the
# National Healthcare Security Service Platform whose app the answers name.
NATIONAL_SERVICE_PLATFORM = "https://fuwu.nhsa.gov.cn"
SERVICES = {
    "国家医保服务平台": NATIONAL_SERVICE_PLATFORM,
    "National Healthcare Security Service Platform": NATIONAL_SERVICE_PLATFORM,
}
# A policy document's number as answers cite it: 国办发〔2024〕38号, 医保发〔2022〕22号.
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def document_links(topics: Iterable[Topic]) -> Dict[str, str]:
    """Each document number that a topic's sources give an address for, with that address."""
    links = {}
    for topic in topics:
        for source in topic.sources:
            number = DOCUMENT_NUMBER.search(source.cite)
            if not (source.url and number):
                continue
            if links.setdefault(number.group(), source.url) != source.url:
                raise ValueError(f"{topic.id}: {number.group()} has two addresses in the topic files: "
                                 f"{links[number.group()]} and {source.url}")
    return links


def official_links(topics: Iterable[Topic]) -> Dict[str, str]:
    return {**SERVICES, **document_links(topics)}
