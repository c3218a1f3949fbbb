/* Kiosk mode (kiosk/): steps of a guided tour shown one at a time, big buttons, and a return to the
 * start screen after a time without input (90 s; `?idle=<seconds>` sets it, for tests). Visitors may
 * follow links from the kiosk: while kiosk mode is on (sessionStorage), any page of the site returns
 * to the kiosk's start screen after the same idle time. */
(function () {
  "use strict";
  if (!window.ajp.once("kiosk.js")) return;
  var KEY = "ajp-kiosk";
  var timer = null;

  function state() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  function show(root, step) {
    root.querySelectorAll("[data-step]").forEach(function (s) {
      s.hidden = s.getAttribute("data-step") !== String(step);
    });
    root.setAttribute("data-current", String(step));
    var shown = root.querySelector('[data-step="' + step + '"]');
    var graph = shown && shown.querySelector(".ajp-graph");
    if (graph && graph.ajpNetwork) {           // drawn while hidden: size it to its now visible box
      graph.ajpNetwork.setSize("100%", "100%");
      graph.ajpNetwork.redraw();
      graph.ajpNetwork.fit({ animation: false });
    }
    window.scrollTo(0, 0);
  }

  function arm() {
    var s = state();
    if (timer) clearTimeout(timer);
    if (!s) return;
    timer = setTimeout(function () {
      var root = document.querySelector("[data-kiosk]");
      if (root) {
        show(root, 0);
        root.setAttribute("data-idle-reset", String(Number(root.getAttribute("data-idle-reset") || 0) + 1));
        arm();
      } else {
        location.href = s.url;                 // back from a page the visitor opened
      }
    }, s.idle * 1000);
  }

  function setup() {
    var root = document.querySelector("[data-kiosk]");
    if (root && !root.hasAttribute("data-ready")) {
      root.setAttribute("data-ready", "");
      var asked = Number(new URLSearchParams(location.search).get("idle"));
      var idle = asked > 0 ? asked : Number(root.getAttribute("data-idle-seconds")) || 90;
      sessionStorage.setItem(KEY, JSON.stringify({ url: location.href.split("#")[0], idle: idle }));
      document.documentElement.classList.add("ajp-kiosk-on");
      show(root, 0);
      root.addEventListener("click", function (event) {
        var go = event.target.closest("[data-go]");
        if (go) show(root, Number(go.getAttribute("data-go")));
        if (event.target.closest("[data-kiosk-fullscreen]") && document.documentElement.requestFullscreen)
          document.documentElement.requestFullscreen().catch(function () {});
        var exit = event.target.closest("[data-kiosk-exit]");
        if (exit) {
          sessionStorage.removeItem(KEY);
          document.documentElement.classList.remove("ajp-kiosk-on");
          if (document.fullscreenElement) document.exitFullscreen();
          // the home page as the template links it: "../" on the web, "../index.html" in the offline
          // bundle (a folder URL there would open a file listing)
          location.href = new URL(exit.getAttribute("data-home") || "../", location.href.split("?")[0]).href;
        }
      });
    }
    arm();
  }

  ["pointerdown", "keydown", "wheel", "touchstart"].forEach(function (type) {
    document.addEventListener(type, arm, { passive: true });
  });
  window.ajp.onPage(setup);
})();
