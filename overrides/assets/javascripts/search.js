/* The site's search: every page whose text contains what the reader typed, as a plain substring.
 *
 * The index (assets/javascripts/search-index.js, written at build time by generator/search_index.py)
 * is loaded as a script the first time the search box is used, so it works from file:// as well as
 * over http. Text and queries are NFKC-normalised and lower-cased: ＪＩＣＡ, JICA and jica are the
 * same. Several words separated by spaces must all occur. Results are built with textContent only:
 * nothing from the index is ever parsed as HTML.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var root = here ? new URL("../../", here) : null;
  var docs = null;
  var loading = null;
  var FIRST = 20;

  function normal(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function load() {
    if (docs) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = new URL("assets/javascripts/search-index.js", root).href;
        s.onload = function () {
          var index = window.AJP_SEARCH;
          docs = index.docs.map(function (d, i) {
            var suffix = index.directory_urls ? "/" : "/index.html";
            return { doc: d, order: i, url: new URL(d.d + suffix, root).href,
                     title: d.t.toLowerCase(), body: d.b.toLowerCase(), keys: d.k.toLowerCase() };
          });
          resolve();
        };
        s.onerror = function () { loading = null; reject(new Error("search index could not be loaded")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function count(text, term) {
    var n = 0, at = text.indexOf(term);
    while (at >= 0 && n < 20) { n++; at = text.indexOf(term, at + term.length); }
    return n;
  }

  function search(query) {
    var terms = normal(query).split(" ").filter(Boolean);
    if (!terms.length) return [];
    var found = [];
    docs.forEach(function (d) {
      var all = d.title + "\n" + d.body + "\n" + d.keys;
      if (!terms.every(function (t) { return all.indexOf(t) >= 0; })) return;
      var score = 0;
      if (terms.length === 1 && d.keys.split(" ")[0] === terms[0]) score += 1000;     // a measure's number
      if (terms.every(function (t) { return d.title.indexOf(t) >= 0; })) score += 100;
      terms.forEach(function (t) { score += count(d.body, t); });
      found.push({ d: d, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.d.order - b.d.order; });
    return found.map(function (f) { return f.d; });
  }

  /* Text with every term marked, as DOM nodes. */
  function marked(text, terms) {
    var lower = text.toLowerCase(), out = document.createDocumentFragment(), at = 0;
    while (at < text.length) {
      var next = -1, len = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; len = t.length; }
      });
      if (next < 0) break;
      out.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + len);
      out.appendChild(mark);
      at = next + len;
    }
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function snippet(d, terms) {
    var text = d.doc.b, at = -1;
    terms.forEach(function (t) { var i = d.body.indexOf(t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) return text.slice(0, 80) + (text.length > 80 ? "…" : "");
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + 70);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function item(d, terms) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = d.url;
    a.className = "ajp-search-result";
    var kind = document.createElement("span");
    kind.className = "ajp-search-kind";
    kind.textContent = d.doc.c;
    var title = document.createElement("span");
    title.className = "ajp-search-title";
    title.appendChild(marked(d.doc.t, terms));
    var text = document.createElement("span");
    text.className = "ajp-search-snippet";
    text.appendChild(marked(snippet(d, terms), terms));
    a.appendChild(kind);
    a.appendChild(title);
    a.appendChild(text);
    li.appendChild(a);
    return li;
  }

  function parts(box) {
    return { input: box.querySelector(".ajp-search-input"), panel: box.querySelector(".ajp-search-panel"),
             status: box.querySelector(".ajp-search-status"), list: box.querySelector(".ajp-search-list"),
             more: box.querySelector(".ajp-search-more") };
  }

  function show(box, open) {
    var p = parts(box);
    p.panel.hidden = !open;
    p.input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function run(box) {
    var p = parts(box), query = p.input.value;
    if (!normal(query)) { show(box, false); return; }
    show(box, true);
    if (!docs) p.status.textContent = box.getAttribute("data-loading");
    load().then(function () {
      if (p.input.value !== query) return;          // a newer keystroke will render
      var results = search(query), terms = normal(query).split(" ").filter(Boolean);
      p.list.textContent = "";
      results.slice(0, FIRST).forEach(function (d) { p.list.appendChild(item(d, terms)); });
      p.more.hidden = results.length <= FIRST;
      p.more.onclick = function () {
        results.slice(FIRST).forEach(function (d) { p.list.appendChild(item(d, terms)); });
        p.more.hidden = true;
      };
      p.status.textContent = results.length
        ? box.getAttribute("data-found").replace("{count}", results.length)
        : box.getAttribute("data-none").replace("{query}", query);
      box.setAttribute("data-results", String(results.length));
    }, function () {
      p.status.textContent = box.getAttribute("data-error");
    });
  }

  function links(box) {
    return Array.prototype.slice.call(box.querySelectorAll(".ajp-search-result"));
  }

  document.addEventListener("input", function (event) {
    var box = event.target.closest && event.target.closest("[data-ajp-search]");
    if (box && event.target.classList.contains("ajp-search-input")) run(box);
  });
  document.addEventListener("focusin", function (event) {
    var box = event.target.closest && event.target.closest("[data-ajp-search]");
    if (box && event.target.classList.contains("ajp-search-input")) load().catch(function () {});
  });
  document.addEventListener("keydown", function (event) {
    var box = event.target.closest && event.target.closest("[data-ajp-search]");
    if (!box) return;
    var list = links(box), at = list.indexOf(document.activeElement), input = parts(box).input;
    if (event.key === "Escape") {
      show(box, false);
      input.focus();
    } else if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else list[at - 1].focus();
    } else if (event.key === "Enter" && event.target === input && list.length) {
      event.preventDefault();
      list[0].click();
    }
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("[data-ajp-search]").forEach(function (box) {
      if (!box.contains(event.target)) show(box, false);
      else if (event.target.closest(".ajp-search-result")) show(box, false);
    });
  });

  /* A shared link with ?q=… opens with its results. */
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    document.querySelectorAll("[data-ajp-search] .ajp-search-input").forEach(function (input) {
      input.value = q;
      run(input.closest("[data-ajp-search]"));
    });
  }
})();
