/* What the site's other scripts share: window.ajp. Loaded before them on every page (first in
 * mkdocs.yml's extra_javascript, which both builders read), once per window.
 *
 * ajp.onPage(setup)
 *   Calls setup() for every page the reader is shown: with Material's instant navigation, on the first
 *   page and after each page change (Material's document$: once per page, also when subscribed late);
 *   without it (the offline bundle opened from file://, or a builder that does not provide document$),
 *   once the page's HTML is read. Setup functions must tolerate elements they already set up.
 *
 * ajp.loadScript(src) → Promise
 *   Loads a script (an absolute URL, or one relative to the current page) once by appending a <script>:
 *   every call for the same URL gets the same promise, pending or settled, so a page shown twice or two
 *   graphs on one page load it once. A failed load is forgotten (its element removed), so a later call
 *   tries again; the promise rejects with an Error "<url> could not be loaded". A <script> element rather
 *   than fetch(), because pages opened from file:// may run local scripts but not fetch local files.
 *
 * ajp.once(name) → boolean
 *   True the first time it is asked for a name, false after. Each script starts with
 *   `if (!window.ajp.once("<file name>")) return;`, so a script that finds itself loaded a second time
 *   sets up nothing (no second subscription, no doubled event listener).
 */
(function () {
  "use strict";
  if (window.ajp) return;                       // this file loaded twice: keep the first one's state

  var loads = {};                               // URL → promise of its script
  var started = {};                             // names given to once()

  function onPage(setup) {
    var run = function () { setup(); };
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  function loadScript(src) {
    var url = new URL(src, location.href).href;
    if (!loads[url]) {
      loads[url] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.onload = function () { resolve(); };
        s.onerror = function () {
          delete loads[url];
          s.remove();
          reject(new Error(url + " could not be loaded"));
        };
        document.head.appendChild(s);
      });
    }
    return loads[url];
  }

  function once(name) {
    if (started[name]) return false;
    started[name] = true;
    return true;
  }

  window.ajp = Object.freeze({ onPage: onPage, loadScript: loadScript, once: once });
})();
