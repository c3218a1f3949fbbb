/* Printing: graphs are replaced by their text twins, so open the twins (and chart tables) while the
 * page prints and close again afterwards. The print stylesheet hides the canvas itself.
 * A page built without a public address (no QR code) still prints where it came from: the address the
 * browser opened it from, or "offline copy" only when it really was opened from a file. */
(function () {
  "use strict";
  if (!window.ajp.once("print.js")) return;
  var SELECTOR = "details.ajp-graph-twin, details.ajp-chart-numbers";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(SELECTOR).forEach(function (d) {
      if (!d.open) { d.open = true; d.setAttribute("data-opened-for-print", ""); }
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-opened-for-print]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-opened-for-print");
    });
  });

  function here() {
    document.querySelectorAll("[data-share-here]").forEach(function (el) {
      if (location.protocol === "http:" || location.protocol === "https:") {
        el.textContent = location.href.split("#")[0];
      } else {
        el.textContent = el.getAttribute("data-offline");
      }
    });
  }
  window.ajp.onPage(here);
})();
