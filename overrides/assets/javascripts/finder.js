/* The measure finder (finder/, written by generator/render_finder.py).
 *
 * Every measure is an element data-measure="<id>" with one attribute per filter (space-separated values).
 * Values of one filter are alternatives (any of them); different filters must all hold. Words (q) keep
 * the measures the site's search finds for them (window.ajpSearch, search.js). Each value shows how many
 * measures have it under the other filters. The state lives in the URL query (pillar, section, area,
 * type, org, acronym, status, q; a key may repeat): a change of filter is a new history entry, so Back
 * and Forward step through them. The download link saves the shown measures as CSV, built in the page
 * from the rows of data/measures.csv (finder/measures-csv.js), so it works offline too.
 */
(function () {
  "use strict";
  if (!window.ajp.once("finder.js")) return;
  var KEYS = ["pillar", "section", "area", "type", "org", "acronym", "status"];

  function Finder(root) {
    var form = root.querySelector(".ajp-finder-form");
    var text = form.querySelector("input[name=q]");
    var rows = Array.prototype.slice.call(root.querySelectorAll("[data-measure]"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var link = root.querySelector(".ajp-finder-csv");
    var values = rows.map(function (row) {
      var v = {};
      KEYS.forEach(function (k) { v[k] = (row.getAttribute("data-" + k) || "").split(" ").filter(Boolean); });
      return v;
    });
    var found = null;          // measure numbers the words find (null: no words)
    var asked = "";            // the words `found` answers
    var csv = null;            // {header, rows} from measures-csv.js
    var blobUrl = null;
    var typing = false;        // the words typed since the last history entry replace it
    var waiting = false;       // words asked, the search has not answered yet

    function chosen() {
      var state = {};
      KEYS.forEach(function (k) { state[k] = []; });
      boxes.forEach(function (b) { if (b.checked) state[b.name].push(b.value); });
      return state;
    }

    function query() {
      var params = new URLSearchParams(), state = chosen();
      KEYS.forEach(function (k) { state[k].forEach(function (v) { params.append(k, v); }); });
      if (text.value.trim()) params.append("q", text.value.trim());
      var s = params.toString();
      return s ? "?" + s : "";
    }

    function remember(push) {
      var target = query();
      if (target === location.search) return;
      var url = location.pathname + target + location.hash;
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    }

    function fromUrl() {
      var params = new URLSearchParams(location.search);
      boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) >= 0; });
      text.value = params.getAll("q").join(" ");
    }

    /* Which filters a measure fails: a list of keys ("q" for the words). */
    function fails(i, state) {
      var out = [];
      KEYS.forEach(function (k) {
        if (state[k].length && !state[k].some(function (v) { return values[i][k].indexOf(v) >= 0; })) out.push(k);
      });
      if (found && !found[rows[i].getAttribute("data-measure")]) out.push("q");
      return out;
    }

    function apply() {
      var state = chosen(), counts = {}, shown = [];
      KEYS.forEach(function (k) { counts[k] = {}; });
      rows.forEach(function (row, i) {
        var failed = fails(i, state);
        row.hidden = failed.length > 0;
        if (!failed.length) shown.push(row.getAttribute("data-measure"));
        KEYS.forEach(function (k) {       // counts under the other filters
          if (failed.length && !(failed.length === 1 && failed[0] === k)) return;
          values[i][k].forEach(function (v) { counts[k][v] = (counts[k][v] || 0) + 1; });
        });
      });
      boxes.forEach(function (b) {
        var n = counts[b.name][b.value] || 0, label = b.closest(".ajp-finder-option");
        label.querySelector(".ajp-finder-n").textContent = String(n);
        label.classList.toggle("ajp-finder-zero", n === 0);
      });
      root.querySelectorAll(".ajp-finder-filter").forEach(function (details) {
        var n = state[details.getAttribute("data-key")].length;
        details.querySelector(".ajp-finder-chosen").textContent =
          n ? root.getAttribute("data-chosen-text").replace("{count}", n) : "";
        if (n) details.open = true;
      });
      root.querySelector(".ajp-finder-count").textContent = root.getAttribute("data-shown-text")
        .replace("{count}", shown.length).replace("{total}", root.getAttribute("data-total"));
      root.querySelector(".ajp-finder-none").hidden = shown.length > 0;
      download(shown);
      root.setAttribute("data-shown", String(shown.length));
    }

    function download(shown) {
      if (!csv) return;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      var body = "\ufeff" + csv.header + shown.map(function (id) { return csv.rows[id]; }).join("");
      blobUrl = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
      link.href = blobUrl;
    }

    /* data-ready: the list, the counts and the download match the filters (for tests and scripts). */
    function settled() {
      if (csv && !waiting) root.setAttribute("data-ready", ""); else root.removeAttribute("data-ready");
    }

    /* Words need the search index: filter once it has answered. */
    function update() {
      var words = text.value.trim();
      if (!words || !window.ajpSearch) {
        found = null; asked = ""; waiting = false;
        apply();
        settled();
        return;
      }
      if (words === asked) { waiting = false; apply(); settled(); return; }
      waiting = true;
      settled();
      window.ajpSearch.load().then(function () {
        if (text.value.trim() !== words) return;          // a newer keystroke will answer
        found = {};
        window.ajpSearch.measures(words).forEach(function (id) { found[id] = true; });
        asked = words;
        waiting = false;
        apply();
        settled();
      });
    }

    form.addEventListener("change", function (event) {
      if (event.target === text) { typing = false; return; }
      typing = false;
      remember(true);
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); typing = false; });
    text.addEventListener("input", function () {
      remember(!typing);
      typing = true;
      update();
    });
    root.querySelector(".ajp-finder-clear").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      text.value = "";
      typing = false;
      remember(true);
      update();
    });

    this.sync = function () {
      typing = false;
      fromUrl();
      update();
    };

    fromUrl();
    remember(false);           // values the page does not know (a mistyped slug) leave the address
    update();
    window.ajp.loadScript(root.getAttribute("data-csv")).then(function () {
      csv = window.AJP_MEASURES_CSV;
      apply();
      settled();
    });
  }

  function setup() {
    var root = document.querySelector("[data-ajp-finder]");
    if (root && !root.ajpFinder) root.ajpFinder = new Finder(root);
  }

  window.addEventListener("popstate", function () {
    var root = document.querySelector("[data-ajp-finder]");
    if (root && root.ajpFinder) root.ajpFinder.sync();
  });
  window.ajp.onPage(setup);
})();
