/*
 * Search on the reference page: shows the topics whose text contains every word typed, in Chinese or English.
 * Without JavaScript the search box stays hidden and every topic is shown.
 */
(function () {
  "use strict";

  const form = document.querySelector(".topic-search");
  const input = document.getElementById("topic-search-input");
  const count = form.querySelector(".search-count");
  const topics = Array.from(document.querySelectorAll("article.topic"));
  const contentsEntries = new Map(
    Array.from(document.querySelectorAll(".contents li"), (entry) => [entry.dataset.topic, entry]));

  // NFKC folds full-width letters and digits (ＡＢＣ１２) into the ones people type on a phone.
  const fold = (words) => words.normalize("NFKC").toLowerCase();
  const searchable = new Map(topics.map((topic) => [topic, fold(topic.textContent)]));

  function filter() {
    const terms = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const topic of topics) {
      const matches = terms.every((term) => searchable.get(topic).includes(term));
      topic.hidden = !matches;
      contentsEntries.get(topic.id.replace(/^topic-/, "")).hidden = !matches;
      shown += matches ? 1 : 0;
    }
    count.textContent = shown === 0 ? form.dataset.none
      : form.dataset.countTemplate.replace("{shown}", shown).replace("{total}", topics.length);
  }

  input.addEventListener("input", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector(".print-button").addEventListener("click", () => window.print());
  form.hidden = false;
  filter();

  // A jump to a topic (contents, anchor, "back to contents") lands below the sticky search bar, whatever its
  // height on this screen.
  const keepBelowTheSearchBar = () => document.documentElement.style.setProperty(
    "--sticky-height", `${form.getBoundingClientRect().height}px`);
  keepBelowTheSearchBar();
  window.addEventListener("resize", keepBelowTheSearchBar);
})();
