/* Draws every network graph of the page from its data-graph attribute (written at build time by
 * generator/render_graph.py), with the vis-network library shipped in assets/javascripts/vendor/.
 *
 * - Loaded once; draws on every page Material shows (document$ under instant navigation, and on load
 *   from file:// where instant navigation is off). vis-network is fetched only by pages with a graph.
 * - Labels and tooltips are plain strings: tooltips become elements whose textContent is set, so
 *   nothing from the data is ever parsed as HTML.
 * - Positions come from the data (seeded layout at build time): physics stays off, the picture is
 *   still from the first frame.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var visUrl = here ? new URL("vendor/vis-network.min.js", here).href : null;
  var loading = null;

  function loadVis() {
    if (window.vis && window.vis.Network) return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = visUrl;
        s.onload = resolve;
        s.onerror = function () { loading = null; reject(new Error("vis-network could not be loaded")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function tooltip(text) {
    var div = document.createElement("div");
    div.className = "ajp-tip";
    div.textContent = text;
    return div;
  }

  function kindOf(node) {
    return node.group === "area" ? "a" : node.group.charAt(0) === "p" ? "m" : "o";
  }

  function urlOf(data, node) {
    var pattern = data.urls[kindOf(node)];
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

  function draw(el) {
    if (el.ajpNetwork) return;
    var data = JSON.parse(el.getAttribute("data-graph"));
    var byId = {};
    data.nodes.forEach(function (n) {
      n.url = urlOf(data, n);
      n.kind = kindOf(n);
      byId[n.id] = n;
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
    el.textContent = "";
    var network = new vis.Network(el, { nodes: nodes, edges: edges }, data.options);
    var canvas = el.querySelector("canvas");
    if (canvas) canvas.setAttribute("aria-hidden", "true");
    network.on("click", function (params) {
      if (params.nodes.length) follow(byId[params.nodes[0]].url);
    });
    network.on("hoverNode", function () { el.style.cursor = "pointer"; });
    network.on("blurNode", function () { el.style.cursor = ""; });
    network.once("afterDrawing", function () {
      el.setAttribute("data-drawn-ms", String(Math.round(performance.now())));   // read by `make bench`
      el.setAttribute("data-drawn", "true");
    });
    el.ajpNetwork = network;
    el.ajpNodes = nodes;
    el.ajpData = data;
    var controls = el.closest(".ajp-explorer");
    if (controls) explorer(controls, el, network, nodes, data, byId);
  }

  /* The explorer page: filters by pillar, AOIP area and institution type; find and focus a node. */
  function explorer(root, el, network, nodes, data, byId) {
    var neighbours = {};
    data.edges.forEach(function (e) {
      (neighbours[e.from] = neighbours[e.from] || []).push(e.to);
      (neighbours[e.to] = neighbours[e.to] || []).push(e.from);
    });
    function checked(name) {
      var on = {};
      root.querySelectorAll('input[data-filter="' + name + '"]').forEach(function (box) {
        on[box.value] = box.checked;
      });
      return on;
    }
    function apply() {
      var pillars = checked("pillar"), areas = checked("area"), types = checked("type");
      var visible = {};
      data.nodes.forEach(function (n) {
        if (n.kind === "m") {
          visible[n.id] = pillars[n.group.slice(1)] !== false &&
            (n.ar.length === 0 || n.ar.some(function (a) { return areas[a] !== false; }));
        } else if (n.kind === "a") {
          visible[n.id] = areas[n.s] !== false;
        }
      });
      data.nodes.forEach(function (n) {
        if (n.kind === "o") {
          visible[n.id] = types[n.group.slice(2)] !== false &&
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
        return n.label.toLowerCase() === q || n.title.toLowerCase().split("\n")[0] === q;
      })[0] || data.nodes.filter(function (n) {
        return (n.label + "\n" + n.title).toLowerCase().indexOf(q) >= 0;
      })[0];
      if (!hit) {
        if (status) status.textContent = status.getAttribute("data-none");
        return;
      }
      nodes.update({ id: hit.id, hidden: false });
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: 1.4, animation: false });
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
      network.unselectAll();
      network.fit({ animation: false });
    });
  }

  function drawAll() {
    var graphs = document.querySelectorAll(".ajp-graph[data-graph]");
    if (!graphs.length || !visUrl) return;
    loadVis().then(function () {
      graphs.forEach(function (el) {
        try { draw(el); } catch (error) { el.setAttribute("data-error", String(error)); throw error; }
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
