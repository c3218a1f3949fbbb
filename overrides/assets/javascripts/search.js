/* The site's search: finds every page containing what the reader typed, and ranks it.
 *
 * The index (assets/javascripts/search-index.js, written at build time by generator/search_index.py; its
 * fields are described there) is loaded as a script the first time the search box is used, so it works
 * from file:// as well as over http. Text and queries are NFKC-normalised and lower-cased: ＪＩＣＡ, JICA
 * and jica are the same.
 *
 * Matching: several words separated by spaces must all occur. Japanese matches anywhere (substring);
 * a word that starts or ends with a Latin letter or digit matches only at a word boundary there (ERIA is
 * not inside "ministerial", 1.1 not inside 2.1.1), and an English word also matches its simple plural or
 * singular (measure/measures, country/countries). A query that names a section or AOIP area (its title,
 * a part of it between ・ / brackets, or at least half of either) also finds every measure in it.
 *
 * Ranking (README, "Graphs and search"): pages whose own name is the query first, then pages whose name
 * the query makes up at least half of; then measures by score; then the other pages. Results are built
 * with textContent only: nothing from the index is ever parsed as HTML.
 *
 * The box is a plain search field followed by its results (not a combobox): Arrow Down moves into the
 * results, Escape or leaving the box closes them. window.ajpSearch offers the same search to the finder.
 */
(function () {
  "use strict";
  if (!window.ajp.once("search.js")) return;
  var here = document.currentScript && document.currentScript.src;
  var root = here ? new URL("../../", here) : null;
  var index = null;
  var docs = null;
  var loading = null;
  var FIRST = 20;          // results shown before "show all"
  var CAP = 5;             // occurrences counted per word
  var EARLY = 60;          // a word within the first characters of a text counts once more
  var KINDS = "msaorpg";   // order among first results: measure, section, area, organisation, acronym, pillar, graph

  function normal(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* --- words ---------------------------------------------------------------------------------------- */

  function isWord(c) { return (c >= "a" && c <= "z") || (c >= "0" && c <= "9"); }
  function isDigit(c) { return c >= "0" && c <= "9"; }

  function singular(w) {
    if (w.length <= 3) return w;
    if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + "y";
    if (/(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
    if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }

  function plural(w) {
    if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
    if (/(s|sh|ch|x|z)$/.test(w)) return w + "es";
    return w + "s";
  }

  /* A word of the query: the forms that match it, and whether its ends must fall on word boundaries. */
  function term(text) {
    var forms = [text];
    if (/^[a-z][a-z-]*[a-z]$/.test(text)) {
      var one = singular(text);
      [one, plural(one)].forEach(function (f) { if (forms.indexOf(f) < 0) forms.push(f); });
    }
    return { text: text, forms: forms, start: isWord(text.charAt(0)), end: isWord(text.charAt(text.length - 1)) };
  }

  function bounded(text, from, to, t) {
    var before = text.charAt(from - 1), after = text.charAt(to);
    if (t.start && (isWord(before) || (before === "." && isDigit(text.charAt(from - 2)) && isDigit(text.charAt(from)))))
      return false;
    if (t.end && (isWord(after) || (after === "." && isDigit(text.charAt(to + 1)) && isDigit(text.charAt(to - 1)))))
      return false;
    return true;
  }

  /* Where a word occurs in a text: [from, to] pairs in order, at most `limit`. */
  function spans(text, t, limit) {
    var out = [];
    if (!text) return out;
    t.forms.forEach(function (f) {
      var at = text.indexOf(f);
      while (at >= 0) {
        if (bounded(text, at, at + f.length, t)) out.push([at, at + f.length]);
        at = text.indexOf(f, at + 1);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push(s);
    });
    return merged.slice(0, limit || merged.length);
  }

  function has(text, t) { return spans(text, t, 1).length > 0; }

  /* Names compared as words: each English word singular (EPAs = EPA). */
  function key(text) { return text.replace(/[a-z]+/g, singular); }

  /* 2: the query is one of the names; 1: it makes up at least half of one (or of a part); 0: neither. */
  function naming(q, names, parts) {
    var k = key(q.text), best = 0;
    (names || []).concat(parts || []).forEach(function (n, i) {
      if (i < (names || []).length && key(n) === k) best = 2;
      else if (!best && q.text.length * 2 >= n.length && has(n, q)) best = 1;
    });
    return best;
  }

  /* --- the index ------------------------------------------------------------------------------------ */

  function lower(list) { return (list || []).map(function (x) { return x.toLowerCase(); }); }

  /* The index script (ajp.loadScript: a <script>, which file:// allows where fetch is refused), read once.
     A failed load rejects (run() then shows the box's data-error text) and the next use tries again. */
  function load() {
    if (docs) return Promise.resolve();
    if (!loading) {
      loading = window.ajp.loadScript(new URL("assets/javascripts/search-index.js", root).href).then(prepare, function () {
        loading = null;
        throw new Error("search index could not be loaded");
      });
    }
    return loading;
  }

  function prepare() {
    index = window.AJP_SEARCH;
    Object.keys(index.groups).forEach(function (id) {
      var g = index.groups[id];
      g.xs = lower(g.x); g.hs = lower(g.h);
    });
    index.forms = index.names.map(function (row) { return lower(row.slice(1)); });
    var suffix = index.directory_urls ? "/" : "/index.html";
    docs = index.docs.map(function (d, i) {
      return { doc: d, order: i, url: new URL(d.d + suffix, root).href, title: d.t.toLowerCase(),
               body: d.b.toLowerCase(), other: (d.j || "").toLowerCase(), names: lower(d.x), parts: lower(d.h),
               printed: (d.p || "").toLowerCase() };
    });
  }

  /* --- search and rank ------------------------------------------------------------------------------ */

  function words(query) {
    var seen = {};
    return normal(query).split(" ").filter(function (w) { return w && !seen[w] && (seen[w] = true); }).map(term);
  }

  /* How one page matches the query; null when it does not. */
  function match(d, terms, whole, groups) {
    var own = naming(whole, d.names, d.parts);
    var inGroups = (d.doc.g || []).filter(function (g) { return groups[g]; });
    var score = inGroups.length ? 2 : 0, all = true, named = [], printed = false;
    terms.forEach(function (t) {
      var inTitle = has(d.title, t), body = spans(d.body, t, CAP), other = spans(d.other, t, CAP);
      var names = (d.doc.n || []).filter(function (i) {
        return index.forms[i].some(function (f) { return has(f, t); });
      });
      var byNumber = d.printed && has(d.printed, t);
      if (!inTitle && !body.length && !other.length && !names.length && !byNumber) all = false;
      score += (inTitle ? 3 : 0) + Math.min(body.length + other.length, CAP)
        + (body.length && body[0][0] < EARLY ? 1 : 0) + (names.length ? 1 : 0);
      if (!body.length && !other.length) {
        names.forEach(function (i) { if (named.indexOf(i) < 0) named.push(i); });
        printed = printed || byNumber;
      }
    });
    if (!all && !own && !inGroups.length) return null;
    var tier = own === 2 ? 0 : own === 1 ? 1 : d.doc.c === "m" ? 2 : 3;
    return { d: d, tier: tier, score: score, groups: inGroups, named: named, printed: printed };
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var whole = term(normal(query)), groups = {};
    Object.keys(index.groups).forEach(function (id) {
      var g = index.groups[id];
      if (naming(whole, g.xs, g.hs)) groups[id] = true;
    });
    var found = [];
    docs.forEach(function (d) {
      var m = match(d, terms, whole, groups);
      if (m) found.push(m);
    });
    found.sort(function (a, b) {
      if (a.tier !== b.tier) return a.tier - b.tier;
      if (a.tier < 2 && a.d.doc.c !== b.d.doc.c) return KINDS.indexOf(a.d.doc.c) - KINDS.indexOf(b.d.doc.c);
      return b.score - a.score || a.d.order - b.d.order;
    });
    return found;
  }

  /* --- results -------------------------------------------------------------------------------------- */

  /* text[from, to) with every word of the query marked, as DOM nodes. */
  function marked(text, terms, from, to) {
    from = from || 0;
    to = to === undefined ? text.length : to;
    var lowerText = text.toLowerCase(), all = [];
    terms.forEach(function (t) { all = all.concat(spans(lowerText, t)); });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var out = document.createDocumentFragment(), at = from;
    all.forEach(function (s) {
      if (s[0] < at || s[1] > to) return;
      out.appendChild(document.createTextNode(text.slice(at, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      out.appendChild(mark);
      at = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, to)));
    return out;
  }

  /* The passage around the first word found in a text, marked; a fragment, or null. */
  function passage(text, lowerText, terms, always) {
    var first = -1;
    terms.forEach(function (t) {
      var s = spans(lowerText, t, 1);
      if (s.length && (first < 0 || s[0][0] < first)) first = s[0][0];
    });
    if (first < 0 && !always) return null;
    var start = first < 0 ? 0 : Math.max(0, first - 30), end = Math.min(text.length, (first < 0 ? 0 : first) + 80);
    var out = document.createDocumentFragment();
    if (start > 0) out.appendChild(document.createTextNode("…"));
    out.appendChild(marked(text, terms, start, end));
    if (end < text.length) out.appendChild(document.createTextNode("…"));
    return out;
  }

  function span(cls, content) {
    var el = document.createElement("span");
    el.className = cls;
    if (typeof content === "string") el.textContent = content;
    else if (content) el.appendChild(content);
    return el;
  }

  function say(box, name, fields) {
    var text = box.getAttribute("data-" + name) || "";
    Object.keys(fields).forEach(function (k) { text = text.split("{" + k + "}").join(fields[k]); });
    return text;
  }

  /* Why a page is in the results: the passage that matched, or the name or group it was found through. */
  function reasons(box, r, terms) {
    var d = r.d, out = [];
    var text = passage(d.doc.b, d.body, terms, false);
    if (text) out.push(span("ajp-search-snippet", text));
    else if (d.other && (text = passage(d.doc.j, d.other, terms, false))) {
      var ja = span("ajp-search-snippet", null), quote = span("ajp-search-ja", text);
      if (d.doc.c === "m") ja.appendChild(document.createTextNode(say(box, "original", {}) + " "));
      quote.lang = "ja";
      ja.appendChild(quote);
      out.push(ja);
    }
    r.groups.forEach(function (g) {
      var group = index.groups[g];
      out.push(span("ajp-search-why", say(box, g.charAt(0) === "s" ? "in-section" : "in-area", { name: group.name })));
    });
    r.named.forEach(function (i) {
      out.push(span("ajp-search-why", say(box, "mentions", { name: index.names[i][0] })));
    });
    if (r.printed) out.push(span("ajp-search-why", say(box, "printed", { number: d.doc.p })));
    if (!out.length && d.doc.b) out.push(span("ajp-search-snippet", passage(d.doc.b, d.body, terms, true)));
    return out;
  }

  function item(box, r, terms) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = r.d.url;
    a.className = "ajp-search-result";
    a.appendChild(span("ajp-search-kind", r.d.doc.l));
    a.appendChild(span("ajp-search-title", marked(r.d.doc.t, terms)));
    reasons(box, r, terms).forEach(function (el) { a.appendChild(el); });
    li.appendChild(a);
    return li;
  }

  /* --- the box -------------------------------------------------------------------------------------- */

  function parts(box) {
    return { input: box.querySelector(".ajp-search-input"), panel: box.querySelector(".ajp-search-panel"),
             status: box.querySelector(".ajp-search-status"), live: box.querySelector(".ajp-search-live"),
             list: box.querySelector(".ajp-search-list"), more: box.querySelector(".ajp-search-more") };
  }

  function show(box, open) {
    parts(box).panel.hidden = !open;
  }

  function run(box) {
    var p = parts(box), query = p.input.value;
    if (!normal(query)) { show(box, false); p.live.textContent = ""; return; }
    show(box, true);
    if (!docs) p.status.textContent = box.getAttribute("data-loading");
    load().then(function () {
      if (p.input.value !== query) return;          // a newer keystroke will render
      var results = search(query), terms = words(query);
      p.list.textContent = "";
      results.slice(0, FIRST).forEach(function (r) { p.list.appendChild(item(box, r, terms)); });
      p.more.hidden = results.length <= FIRST;
      p.more.onclick = function () {
        results.slice(FIRST).forEach(function (r) { p.list.appendChild(item(box, r, terms)); });
        p.more.hidden = true;
        links(box)[FIRST].focus();               // the button is gone: focus stays in the results
      };
      p.status.textContent = results.length ? say(box, "found", { count: results.length }) : say(box, "none", { query: query });
      p.live.textContent = p.status.textContent;
      box.setAttribute("data-results", String(results.length));
    }, function () {
      p.status.textContent = box.getAttribute("data-error");
      p.live.textContent = p.status.textContent;
    });
  }

  function links(box) {
    return Array.prototype.slice.call(box.querySelectorAll(".ajp-search-result"));
  }

  function boxOf(target) {
    return target && target.closest ? target.closest("[data-ajp-search]") : null;
  }

  document.addEventListener("input", function (event) {
    var box = boxOf(event.target);
    if (box && event.target.classList.contains("ajp-search-input")) run(box);
  });
  document.addEventListener("focusin", function (event) {
    var box = boxOf(event.target);
    if (box && event.target.classList.contains("ajp-search-input")) {
      load().catch(function () {});
      var fromOutside = !(event.relatedTarget && box.contains(event.relatedTarget));
      if (fromOutside && normal(event.target.value) && box.hasAttribute("data-results")) show(box, true);
    }
  });
  /* Focus moved out of the box (Tab past the results, a click elsewhere): the results close. */
  document.addEventListener("focusout", function (event) {
    var box = boxOf(event.target);
    if (box && !(event.relatedTarget && box.contains(event.relatedTarget))) {
      setTimeout(function () { if (!box.contains(document.activeElement)) show(box, false); }, 0);
    }
  });
  document.addEventListener("keydown", function (event) {
    var box = boxOf(event.target);
    if (!box) return;
    var list = links(box), at = list.indexOf(document.activeElement), input = parts(box).input;
    if (event.key === "Escape") {
      if (parts(box).panel.hidden) return;
      event.preventDefault();
      show(box, false);
      input.focus();
    } else if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      show(box, true);
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else list[at - 1].focus();
    } else if (event.key === "Enter" && event.target === input && list.length && !parts(box).panel.hidden) {
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

  /* The same search for other scripts (the measure finder): the measure numbers a query finds. */
  window.ajpSearch = {
    load: load,
    measures: function (query) {
      return search(query).filter(function (r) { return r.d.doc.c === "m"; }).map(function (r) { return r.d.doc.i; });
    },
    results: function (query) {
      return search(query).map(function (r) { return { page: r.d.doc.d, tier: r.tier, score: r.score }; });
    }
  };

  /* A shared link with ?q=… opens with its results (on the finder, q is the finder's own filter). */
  var q = new URLSearchParams(location.search).get("q");
  if (q && !document.querySelector("[data-ajp-finder]")) {
    document.querySelectorAll("[data-ajp-search] .ajp-search-input").forEach(function (input) {
      input.value = q;
      run(input.closest("[data-ajp-search]"));
    });
  }
})();
