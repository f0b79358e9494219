// quotes.js: filter a briefing's quotation index by speaker and date, in
// the browser, without a server. The page lists every quotation without
// it; this script only reveals the filter form and hides what does not
// match. The filter state is kept in the URL's query (?speaker=&from=&to=)
// so a filtered view can be linked.
(function () {
  "use strict";
  var form = document.getElementById("quote-filter");
  if (!form || !document.querySelectorAll) return;
  var sections = document.querySelectorAll("section.speaker");
  var items = document.querySelectorAll("li.quote-card");
  var count = form.querySelector("output");

  function apply() {
    var who = form.elements.speaker.value;
    var from = form.elements.from.value;
    var to = form.elements.to.value;
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var sp = li.getAttribute("data-speaker") || "-";
      var d = li.getAttribute("data-date") || "";
      var ok = (!who || sp === who) && (!from || !d || d >= from) && (!to || !d || d <= to);
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (var j = 0; j < sections.length; j++) {
      var s = sections[j];
      s.hidden = !s.querySelector("li.quote-card:not([hidden])");
    }
    if (count) {
      count.textContent = shown === items.length ? "" : shown + " of " + items.length + " quotations";
    }
    if (window.history && history.replaceState) {
      var q = [];
      if (who) q.push("speaker=" + encodeURIComponent(who));
      if (from) q.push("from=" + from);
      if (to) q.push("to=" + to);
      history.replaceState(null, "", (q.length ? "?" + q.join("&") : location.pathname) + location.hash);
    }
  }

  var params = {};
  location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
    var p = kv.split("=");
    if (p[0]) params[p[0]] = decodeURIComponent(p[1] || "");
  });
  ["speaker", "from", "to"].forEach(function (k) {
    if (params[k] && form.elements[k]) form.elements[k].value = params[k];
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
