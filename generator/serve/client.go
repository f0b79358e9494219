package serve

// clientJS is the live-reload script injected into served pages. While the
// page is visible it keeps one EventSource open; on "reload" it reloads
// when this page changed (or an error overlay is showing, or a stylesheet
// or script changed); on "failed" it shows the errors in an overlay. Each
// connection sends the page's generation and path, and the hello message
// answers whether the page changed since: a rebuild that finished while
// the page loaded, or while its tab was hidden, is not missed.
const clientJS = `(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me && me.getAttribute("data-gen");
  var overlay = null;
  function norm(p) {
    try { p = decodeURI(p); } catch (e) {}
    return p.replace(/\/index\.html$/, "/");
  }
  var here = norm(location.pathname);
  function reload() { location.reload(); }
  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "briefgen-error";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.88);" +
      "color:#fff;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2em;overflow:auto";
    var h = document.createElement("h2");
    h.textContent = "Build failed";
    h.style.cssText = "margin:0 0 1em;font:bold 20px/1.3 system-ui,sans-serif;color:#ff8a80";
    overlay.appendChild(h);
    (problems || []).forEach(function (p) {
      var d = document.createElement("div");
      d.className = "briefgen-problem";
      d.style.cssText = "margin:0 0 1em;white-space:pre-wrap;word-break:break-word";
      if (p.file) {
        var f = document.createElement("div");
        f.className = "briefgen-file";
        f.style.cssText = "color:#ffd180;font-weight:bold";
        f.textContent = p.file + (p.line ? ":" + p.line : "");
        d.appendChild(f);
      }
      var m = document.createElement("div");
      m.className = "briefgen-message";
      m.textContent = p.message;
      d.appendChild(m);
      overlay.appendChild(d);
    });
    var note = document.createElement("p");
    note.textContent = "Showing the last good build underneath. Fix the file and save: this page reloads.";
    note.style.cssText = "opacity:.7;font:14px system-ui,sans-serif";
    overlay.appendChild(note);
    (document.body || document.documentElement).appendChild(overlay);
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  if (!window.EventSource) return;
  // One stream per visible page: a hidden tab closes its stream (browsers
  // allow few connections per host) and asks on its return whether its
  // page changed meanwhile.
  var es = null;
  function connect() {
    if (es) return;
    es = new EventSource("` + Prefix + `events?gen=" + encodeURIComponent(gen || "") +
      "&path=" + encodeURIComponent(here));
    es.addEventListener("hello", function (e) {
      var d = JSON.parse(e.data);
      if (d.reload) { disconnect(); reload(); return; }
      if (d.problems && d.problems.length) { show(d.problems); return; }
      if (overlay) { disconnect(); reload(); return; }
      seen(d.gen);
    });
    es.addEventListener("reload", function (e) {
      var d = JSON.parse(e.data);
      if (overlay || d.all || d.pages.indexOf(here) >= 0) { disconnect(); reload(); return; }
      seen(d.gen);
    });
    es.addEventListener("failed", function (e) {
      show(JSON.parse(e.data).problems);
    });
  }
  function disconnect() {
    if (es) { es.close(); es = null; }
  }
  // seen records that this page is up to date with build g.
  function seen(g) {
    gen = g;
    if (me) me.setAttribute("data-gen", g);
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) disconnect(); else connect();
  });
  window.addEventListener("pagehide", disconnect);
  if (!document.hidden) connect();
})();
`
