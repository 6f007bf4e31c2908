"""The official addresses answers link to: each cited document with an address in the topic files, the same
address wherever it is cited, and only the services listed with their source."""
import dataclasses

import pytest

from bot.knowledge import Source, load_topics
from bot.knowledge.links import DOCUMENT_NUMBER, SERVICES, document_links, official_links

TOPICS = load_topics()


def test_every_document_with_an_address_is_linked_by_its_number():
    links = document_links(TOPICS)
    cited = {DOCUMENT_NUMBER.search(source.cite).group(): source.url for topic in TOPICS for source in topic.sources
             if source.url and DOCUMENT_NUMBER.search(source.cite)}
    assert links == cited and "国办发〔2024〕38号" in links
    assert all(url.startswith("https://www.gov.cn/") or url.startswith("https://www.nhsa.gov.cn/")
               for url in links.values())


def test_two_addresses_for_one_document_are_refused():
    first = next(topic for topic in TOPICS if any("38号" in source.cite and source.url for source in topic.sources))
    other = dataclasses.replace(first, id="copy", sources=(Source("国办发〔2024〕38号", "https://example.org/38"),))
    with pytest.raises(ValueError, match="two addresses"):
        document_links([first, other])


def test_the_links_are_the_listed_services_and_the_documents_and_nothing_else():
    links = official_links(TOPICS)
    assert {name: links[name] for name in SERVICES} == SERVICES
    assert set(links) == set(SERVICES) | set(document_links(TOPICS))
