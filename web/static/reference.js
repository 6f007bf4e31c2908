/*
 * Search on the reference page: shows the topics whose text contains every word typed, in Chinese or English,
 * the best match first, with the words highlighted.
 * Without JavaScript the search box stays hidden and every topic is shown.
 */
(function () {
  "use strict";

  const form = document.querySelector(".topic-search");
  const input = document.getElementById("topic-search-input");
  const count = form.querySelector(".search-count");
  const topics = Array.from(document.querySelectorAll("article.topic"));
  const contentsList = document.querySelector(".contents ol");
  const contentsEntries = new Map(
    Array.from(document.querySelectorAll(".contents li"), (entry) => [entry.dataset.topic, entry]));

  // NFKC folds full-width letters and digits (ＡＢＣ１２) into the ones people type on a phone.
  const fold = (words) => words.normalize("NFKC").toLowerCase();
  const searchable = new Map(topics.map((topic) => [topic, fold(topic.textContent)]));

  const titles = new Map(topics.map((topic) => [topic, fold(topic.querySelector("h2").textContent)]));
  const generalAnswers = new Map(topics.map((topic) => [topic, fold(topic.querySelector(".answers").textContent)]));
  const occurrences = (text, term) => text.split(term).length - 1;
  // A topic whose title has the words comes first, then the one whose answer (not its cases') says them most
  // often; ties keep the contents' order.
  const score = (topic, terms) => terms.reduce((sum, term) => sum
    + 100 * occurrences(titles.get(topic), term) + occurrences(generalAnswers.get(topic), term), 0);

  function unmark() {
    for (const mark of document.querySelectorAll("article.topic mark")) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
  }

  // Wraps each occurrence of the words in the topic's text in <mark> (the text itself is unchanged).
  function mark(topic, terms) {
    const walker = document.createTreeWalker(topic, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    for (const node of nodes) {
      const folded = fold(node.data);
      const hits = [];
      for (const term of terms) {
        for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
          hits.push([at, at + term.length]);
        }
      }
      // NFKC may change a text's length; mark only where folding kept it.
      if (!hits.length || folded.length !== node.data.length) {
        continue;
      }
      hits.sort((a, b) => a[0] - b[0]);
      const parts = [];
      let from = 0;
      for (const [start, end] of hits) {
        if (start < from) {
          continue;
        }
        parts.push(document.createTextNode(node.data.slice(from, start)),
          Object.assign(document.createElement("mark"), { textContent: node.data.slice(start, end) }));
        from = end;
      }
      parts.push(document.createTextNode(node.data.slice(from)));
      node.replaceWith(...parts);
    }
  }

  function filter() {
    const terms = fold(input.value).split(/\s+/).filter(Boolean);
    unmark();
    const ranked = terms.length
      ? topics.map((topic, index) => [topic, score(topic, terms), index]).sort((a, b) => b[1] - a[1] || a[2] - b[2])
        .map(([topic]) => topic)
      : topics;
    ranked.forEach((topic) => topic.parentNode.append(topic)); // the page's order: ranked, or as written
    ranked.forEach((topic) => contentsList.append(contentsEntries.get(topic.id.replace(/^topic-/, ""))));
    let shown = 0;
    for (const topic of ranked) {
      const matches = terms.every((term) => searchable.get(topic).includes(term));
      topic.hidden = !matches;
      contentsEntries.get(topic.id.replace(/^topic-/, "")).hidden = !matches;
      if (matches && terms.length) {
        mark(topic, terms);
      }
      shown += matches ? 1 : 0;
    }
    document.body.classList.toggle("searching", terms.length > 0);
    count.textContent = shown === 0 ? form.dataset.none
      : form.dataset.countTemplate.replace("{shown}", shown).replace("{total}", topics.length);
  }

  input.addEventListener("input", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector(".print-button").addEventListener("click", () => window.print());
  form.hidden = false;
  filter();

  // ---- "paste the citizen's question": the topic the chat's own model picks (POST /reference/topic) ----

  const matchForm = document.querySelector(".topic-match");
  const matchInput = document.getElementById("topic-match-input");
  const matchResult = matchForm.querySelector(".topic-match-result");

  async function topicFor(question) {
    try {
      const reply = await fetch("/reference/topic", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question }),
      });
      return { status: reply.status, body: reply.ok ? await reply.json() : null };
    } catch (error) {
      return { status: 503, body: null };
    }
  }

  function showMatch(topicId, confidence) {
    const topic = document.getElementById(`topic-${topicId}`);
    input.value = ""; // every topic shown again, so the matched one is on the page
    filter();
    document.querySelectorAll("article.topic.matched").forEach((node) => node.classList.remove("matched"));
    topic.classList.add("matched");
    const title = topic.querySelector("h2").textContent.trim();
    const link = Object.assign(document.createElement("a"), { href: `#${topic.id}`, textContent: title });
    const [before, after] = matchForm.dataset.found.replace("{percent}", Math.round(100 * confidence)).split("{title}");
    matchResult.replaceChildren(before, link, after);
    topic.scrollIntoView();
  }

  matchForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = matchInput.value.trim();
    if (!question) {
      matchResult.textContent = matchForm.dataset.invalid;
      return;
    }
    const { status, body } = await topicFor(question);
    if (status === 200 && body.topic && document.getElementById(`topic-${body.topic}`)) {
      showMatch(body.topic, body.confidence);
    } else {
      matchResult.textContent = { 200: matchForm.dataset.none, 400: matchForm.dataset.invalid,
        429: matchForm.dataset.busy }[status] || matchForm.dataset.unreachable;
    }
  });
  matchForm.hidden = false;

  // A jump to a topic (contents, anchor, "back to contents") lands below the sticky search bar, whatever its
  // height on this screen.
  const keepBelowTheSearchBar = () => document.documentElement.style.setProperty(
    "--sticky-height", `${form.getBoundingClientRect().height}px`);
  keepBelowTheSearchBar();
  window.addEventListener("resize", keepBelowTheSearchBar);
})();
