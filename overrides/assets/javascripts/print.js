/* Printing: graphs are replaced by their text twins, so open the twins (and chart tables) while the
 * page prints and close again afterwards. The print stylesheet hides the canvas itself. */
(function () {
  "use strict";
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
})();
