/* Small keyboard aids on every page (issue 17):
 * - A table or chart wider than the screen scrolls inside its box (.ajp-table-scroll, .ajp-chart-box):
 *   while it overflows, the box is a named region and a keyboard stop, so the arrow keys can scroll it;
 *   otherwise it is neither.
 * - The sidebar's section toggles (overrides/partials/nav-item.html gives them role=button and a name)
 *   open with Space as well as Enter, and say whether they are open (aria-expanded).
 */
(function () {
  "use strict";
  if (!window.ajp.once("a11y.js")) return;

  function scrollBoxes() {
    document.querySelectorAll(".ajp-table-scroll, .ajp-chart-box").forEach(function (box) {
      var overflowing = box.scrollWidth > box.clientWidth + 1;
      var named = box.classList.contains("ajp-chart-box");     // a chart's box is named by its caption
      if (overflowing && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        if (!named) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", box.getAttribute("data-scroll-label") || "");
        }
      } else if (!overflowing && box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        if (!named) {
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
    });
  }

  function toggles() {
    document.querySelectorAll("label.md-nav__link[role=button][for]").forEach(function (label) {
      var box = document.getElementById(label.getAttribute("for"));
      if (!box || label.hasAttribute("data-ajp-toggle")) return;
      label.setAttribute("data-ajp-toggle", "");
      var sync = function () { label.setAttribute("aria-expanded", box.checked ? "true" : "false"); };
      sync();
      box.addEventListener("change", sync);
      label.addEventListener("click", function () { setTimeout(sync, 0); });
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); box.click(); }
      });
    });
  }

  function setup() {
    scrollBoxes();
    toggles();
  }

  document.addEventListener("toggle", scrollBoxes, true);      // a table inside <details> opened
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(scrollBoxes, 150);
  });
  window.ajp.onPage(setup);
})();
