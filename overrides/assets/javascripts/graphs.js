/* Draws every network graph of the page from its data-graph attribute (written at build time by
 * generator/render_graph.py), with the vis-network library shipped in assets/javascripts/vendor/.
 *
 * - Loaded once; draws on every page shown (ajp.onPage, ajp.js: after each instant navigation, and on
 *   load from file:// where instant navigation is off). vis-network is loaded (ajp.loadScript) only by
 *   pages with a graph, and once.
 * - Labels and tooltips are plain strings: tooltips become elements whose textContent is set, so
 *   nothing from the data is ever parsed as HTML.
 * - Positions come from the data (seeded layout at build time): physics stays off, the picture is
 *   still from the first frame.
 * - Selecting a node (click, tap, the arrow keys on the focused graph, Enter in the explorer's find box)
 *   fills the details panel of generator/templates/_graph.html.j2 instead of leaving the page; Enter on
 *   the graph, or the panel's link, opens the node's page.
 * - Labels keep a legible size on screen whatever the zoom (measure numbers only once zoomed in).
 * - Touch screens: the page scrolls past the graph; "move and zoom" (aria-pressed) lets a finger pan
 *   and pinch the graph. A mouse pans and zooms at once; the + − and "show it all" buttons always work.
 */
(function () {
  "use strict";
  if (!window.ajp.once("graphs.js")) return;
  var here = document.currentScript && document.currentScript.src;
  var visUrl = here ? new URL("vendor/vis-network.min.js", here).href : null;
  var LABEL_PX = 12;          // labels on screen, whatever the zoom
  var MEASURE_LABELS_FROM = 0.75;   // measure numbers are drawn from this zoom on
  var TAP_SLOP = 24;          // a tap this close to a node (CSS px) selects it

  function tooltip(text) {
    var div = document.createElement("div");
    div.className = "ajp-tip";
    div.textContent = text;
    return div;
  }

  /* A node's page: the pattern of its kind (k: m, o, a; fields described in render_graph.py) around its slug. */
  function urlOf(data, node) {
    var pattern = data.urls[node.k];
    return pattern[0] + node.s + pattern[1];
  }

  /* Follow a link the way a reader's click would, so Material's instant navigation handles it. */
  function follow(href) {
    var a = document.createElement("a");
    a.href = href;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function fill(template, count) {
    return template.split("{count}").join(String(count));
  }

  /* A finger, not a mouse: the page must scroll past the graph. */
  function coarsePointer() {
    return !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
  }

  function draw(el) {
    if (el.ajpNetwork) return;
    var data = JSON.parse(el.getAttribute("data-graph"));
    var byId = {};
    data.nodes.forEach(function (n) {
      n.url = urlOf(data, n);
      byId[n.id] = n;
    });
    var neighbours = {};
    data.edges.forEach(function (e) {
      (neighbours[e.from] = neighbours[e.from] || []).push(e.to);
      (neighbours[e.to] = neighbours[e.to] || []).push(e.from);
    });
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      var copy = Object.assign({}, n);
      copy.title = tooltip(n.title);
      return copy;
    }));
    var edges = new vis.DataSet(data.edges.map(function (e) {
      var copy = Object.assign({}, e);
      if (e.title) copy.title = tooltip(e.title);
      return copy;
    }));
    var locked = coarsePointer();
    var options = Object.assign({}, data.options);
    options.interaction = Object.assign({}, data.options.interaction, { dragView: !locked, zoomView: !locked });
    el.textContent = "";
    var network = new vis.Network(el, { nodes: nodes, edges: edges }, options);
    var frame = el.querySelector(".vis-network");
    if (frame) frame.tabIndex = -1;            // the graph itself (role=application) is the keyboard stop
    var canvas = el.querySelector("canvas");
    if (canvas) canvas.setAttribute("aria-hidden", "true");
    el.ajpNetwork = network;
    el.ajpNodes = nodes;
    el.ajpData = data;

    var figure = el.closest(".ajp-graph-figure") || el.parentNode;
    var state = { current: null };
    var details = panel(figure, data, byId, neighbours, function () { clear(); });

    function visibleIds() {
      return nodes.getIds({ filter: function (n) { return !n.hidden; } });
    }

    function select(id, how) {
      if (id === null || id === undefined || !byId[id]) return;
      state.current = id;
      network.selectNodes([id]);
      if (how === "key" || how === "find") reveal(id);
      details.show(byId[id], how === "pointer");
      el.setAttribute("data-selected", byId[id].s);
    }

    function clear() {
      state.current = null;
      network.unselectAll();
      details.hide();
      el.removeAttribute("data-selected");
    }

    function reveal(id) {
      var p = network.canvasToDOM(network.getPositions([id])[id]);
      var margin = 30;
      if (p.x < margin || p.y < margin || p.x > el.clientWidth - margin || p.y > el.clientHeight - margin) {
        network.moveTo({ position: network.getPositions([id])[id], animation: false });
      }
    }

    /* The visible node nearest to a point of the canvas (DOM coordinates), within TAP_SLOP. */
    function nearest(pointer) {
      var positions = network.getPositions(visibleIds());
      var best = null, bestDistance = TAP_SLOP;
      Object.keys(positions).forEach(function (id) {
        var p = network.canvasToDOM(positions[id]);
        var d = Math.hypot(p.x - pointer.x, p.y - pointer.y);
        if (d <= bestDistance) { best = id; bestDistance = d; }
      });
      return best === null ? null : (byId[best] ? byId[best].id : null);
    }

    /* Arrow keys: the nearest visible node in that direction (within 60° either side). */
    function step(dx, dy) {
      var ids = visibleIds();
      if (!ids.length) return;
      var positions = network.getPositions(ids);
      var from = state.current;
      if (from === null || positions[from] === undefined) {
        var start = data.centre !== undefined && positions[data.centre] ? data.centre : null;
        if (start === null) {
          var middle = network.getViewPosition();
          start = ids.reduce(function (a, b) {
            var pa = positions[a], pb = positions[b];
            return Math.hypot(pa.x - middle.x, pa.y - middle.y) <= Math.hypot(pb.x - middle.x, pb.y - middle.y) ? a : b;
          });
        }
        select(start, "key");
        return;
      }
      var p = positions[from], best = null, bestScore = Infinity;
      ids.forEach(function (id) {
        if (id === from) return;
        var vx = positions[id].x - p.x, vy = positions[id].y - p.y;
        var along = vx * dx + vy * dy, across = Math.abs(vx * dy - vy * dx);
        if (along <= 0 || across > along * 1.7) return;
        var score = along + 2 * across;
        if (score < bestScore) { bestScore = score; best = id; }
      });
      if (best !== null) select(best, "key");
    }

    function zoom(factor) {
      network.moveTo({ scale: network.getScale() * factor, animation: false });
      legible();
    }

    /* Labels at LABEL_PX on screen; measure numbers hidden while zoomed out; nodes at least a few
       pixels wide, so that a phone shows (and a finger finds) them. */
    var lastScale = null;
    var measureGroups = {};
    data.nodes.forEach(function (n) { if (n.k === "m") measureGroups[n.group] = true; });
    function legible() {
      var scale = network.getScale();
      if (!scale || scale === lastScale) return;
      lastScale = scale;
      var size = Math.min(LABEL_PX / scale, 80);
      var groups = {};
      Object.keys(options.groups || {}).forEach(function (g) {
        var base = options.groups[g].size;
        groups[g] = { font: { size: measureGroups[g] && scale < MEASURE_LABELS_FROM ? 1 : size } };
        if (base) groups[g].size = Math.max(base, 4 / scale);
      });
      network.setOptions({ nodes: { font: { size: size } }, groups: groups });
      el.setAttribute("data-label-px", String(Math.round(size * scale)));
    }

    network.on("click", function (params) {
      var id = params.nodes.length ? params.nodes[0] : nearest(params.pointer.DOM);
      if (id !== null && id !== undefined) select(id, "pointer");
      else clear();
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) follow(byId[params.nodes[0]].url);
    });
    network.on("afterDrawing", legible);       // after every zoom, fit, focus or move (cheap when unchanged)
    network.on("hoverNode", function () { el.style.cursor = "pointer"; });
    network.on("blurNode", function () { el.style.cursor = ""; });
    network.once("afterDrawing", function () {
      el.setAttribute("data-drawn-ms", String(Math.round(performance.now())));   // read by `make bench`
      el.setAttribute("data-drawn", "true");
    });
    el.addEventListener("keydown", function (event) {
      var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (moves[event.key]) step(moves[event.key][0], moves[event.key][1]);
      else if (event.key === "Enter" && state.current !== null) follow(byId[state.current].url);
      else if (event.key === "Escape" && state.current !== null) clear();
      else if (event.key === "+" || event.key === "=") zoom(1.25);
      else if (event.key === "-") zoom(0.8);
      else if (event.key === "0") { network.fit({ animation: false }); legible(); }
      else return;
      event.preventDefault();
    });

    tools(figure, el, network, locked, zoom, legible);
    var controls = el.closest(".ajp-explorer");
    if (controls) explorer(controls, network, nodes, data, neighbours, select, clear);
  }

  /* The details panel: kind, name (and the other language's), counts, linked nodes, "open its page". */
  function panel(figure, data, byId, neighbours, onClose) {
    var root = figure.querySelector("[data-graph-details]");
    var announce = figure.querySelector("[data-graph-announce]");
    if (!root) return { show: function () {}, hide: function () {} };
    function part(name) { return root.querySelector("[data-details-" + name + "]"); }
    var close = part("close");
    if (close) close.addEventListener("click", function () {
      onClose();
      var graph = figure.querySelector(".ajp-graph");
      if (graph) graph.focus();
    });
    function show(node, bringIntoView) {
      var lines = node.title.split("\n");
      var kinds = { m: [], o: [], a: [] };
      (neighbours[node.id] || []).forEach(function (id) { if (byId[id]) kinds[byId[id].k].push(byId[id]); });
      part("kind").textContent = root.getAttribute("data-kind-" + node.k);
      part("name").textContent = lines[0];
      var other = node.o || (node.k !== "m" && lines[1]) || "";
      part("other").textContent = other;
      part("other").hidden = !other;
      var text = node.k === "m" ? lines.slice(1).join(" ") : "";
      part("text").textContent = text;
      part("text").hidden = !text;
      var counts = [];
      if (kinds.m.length) counts.push(fill(root.getAttribute("data-measures"), kinds.m.length));
      if (kinds.o.length) counts.push(fill(root.getAttribute("data-organisations"), kinds.o.length));
      if (kinds.a.length) counts.push(fill(root.getAttribute("data-areas"), kinds.a.length));
      part("counts").textContent = counts.join(" · ");
      var list = part("links");
      list.textContent = "";
      ["a", "o", "m"].forEach(function (k) {
        kinds[k].sort(function (x, y) { return x.label.localeCompare(y.label, undefined, { numeric: true }); });
        kinds[k].forEach(function (n) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = n.url;
          a.textContent = n.label;
          li.appendChild(a);
          list.appendChild(li);
        });
      });
      var open = part("open");
      open.href = node.url;
      root.hidden = false;
      if (bringIntoView) {                   // small screens: the panel is below the graph
        var box = root.getBoundingClientRect();
        if (box.bottom > window.innerHeight || box.top < 0) root.scrollIntoView({ block: "nearest" });
      }
      if (announce) announce.textContent = part("kind").textContent + ": " + lines[0] + (counts.length ? " — " + counts.join(", ") : "");
    }
    function hide() {
      root.hidden = true;
      if (announce) announce.textContent = "";
    }
    return { show: show, hide: hide };
  }

  /* Move-and-zoom switch, + and −, and "show it all". */
  function tools(figure, el, network, locked, zoom, legible) {
    var bar = figure.querySelector(".ajp-graph-tools");
    if (!bar) return;
    var pan = bar.querySelector("[data-graph-pan]");
    function setLocked(on) {
      network.setOptions({ interaction: { dragView: !on, zoomView: !on } });
      el.classList.toggle("ajp-graph-locked", on);
      if (pan) pan.setAttribute("aria-pressed", on ? "false" : "true");
    }
    setLocked(locked);
    if (pan) pan.addEventListener("click", function () { setLocked(pan.getAttribute("aria-pressed") === "true"); });
    bar.querySelectorAll("[data-graph-zoom]").forEach(function (button) {
      button.addEventListener("click", function () { zoom(button.getAttribute("data-graph-zoom") === "in" ? 1.25 : 0.8); });
    });
    var fit = bar.querySelector("[data-graph-fit]");
    if (fit) fit.addEventListener("click", function () { network.fit({ animation: false }); legible(); });
    bar.hidden = false;
  }

  /* The explorer page: filters by pillar, AOIP area and institution type; find and select a node. */
  function explorer(root, network, nodes, data, neighbours, select, clear) {
    function checked(name) {
      var on = {};
      root.querySelectorAll('input[data-filter="' + name + '"]').forEach(function (box) {
        on[box.value] = box.checked;
      });
      return on;
    }
    /* A node's filter key (f) is its pillar's number, its organisation type's slug or its area's slug. */
    function apply() {
      var pillars = checked("pillar"), areas = checked("area"), types = checked("type");
      var visible = {};
      data.nodes.forEach(function (n) {
        if (n.k === "m") {
          visible[n.id] = pillars[n.f] !== false &&
            (n.ar.length === 0 || n.ar.some(function (a) { return areas[a] !== false; }));
        } else if (n.k === "a") {
          visible[n.id] = areas[n.f] !== false;
        }
      });
      data.nodes.forEach(function (n) {
        if (n.k === "o") {
          visible[n.id] = types[n.f] !== false &&
            (neighbours[n.id] || []).some(function (m) { return visible[m]; });
        }
      });
      nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !visible[n.id] }; }));
      var shown = data.nodes.filter(function (n) { return visible[n.id]; }).length;
      var count = root.querySelector("[data-shown]");
      if (count) count.textContent = String(shown);
    }
    root.querySelectorAll("input[data-filter]").forEach(function (box) {
      box.addEventListener("change", apply);
    });
    var find = root.querySelector("input[data-find]");
    var status = root.querySelector("[data-find-status]");
    function focus() {
      var q = find.value.trim().toLowerCase();
      if (!q) return;
      var hit = data.nodes.filter(function (n) {
        return n.label.toLowerCase() === q || n.title.toLowerCase().split("\n")[0] === q ||
          (n.o || "").toLowerCase() === q;
      })[0] || data.nodes.filter(function (n) {
        return (n.label + "\n" + n.title + "\n" + (n.o || "")).toLowerCase().indexOf(q) >= 0;
      })[0];
      if (!hit) {
        if (status) status.textContent = status.getAttribute("data-none");
        return;
      }
      nodes.update({ id: hit.id, hidden: false });
      network.focus(hit.id, { scale: Math.max(network.getScale(), 1), animation: false });
      select(hit.id, "find");
      if (status) status.textContent = hit.title.split("\n").join(" — ");
    }
    if (find) {
      find.addEventListener("change", focus);
      find.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); focus(); }
      });
    }
    var reset = root.querySelector("button[data-reset]");
    if (reset) reset.addEventListener("click", function () {
      root.querySelectorAll("input[data-filter]").forEach(function (box) { box.checked = true; });
      if (find) find.value = "";
      if (status) status.textContent = "";
      apply();
      clear();
      network.fit({ animation: false });
    });
  }

  function drawAll() {
    var graphs = document.querySelectorAll(".ajp-graph[data-graph]");
    if (!graphs.length || !visUrl) return;
    window.ajp.loadScript(visUrl).then(function () {
      graphs.forEach(function (el) {
        try { draw(el); } catch (error) { el.setAttribute("data-error", String(error)); throw error; }
      });
    });
  }

  window.ajp.onPage(drawAll);
})();
