// Staff alerts as they happen: a socket that only listens. Each alert arrives as
// HTML rendered by the duty page's own partial, and is placed in the assertive
// live region at the top of the page, before any less urgent alert. Any alert,
// acknowledgement or bare "changed" also tells an open Today page to fetch its list
// again. Reconnects quietly if the connection drops.
(function () {
  "use strict";
  var list = document.getElementById("duty-alerts");
  if (!list || !("WebSocket" in window)) return;
  var path = list.getAttribute("data-socket-path");
  var delay = 1000;
  var reconnecting = false;

  function place(id, html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var item = template.content.firstElementChild;
    if (!item) return;
    var existing = document.getElementById("alert-" + id);
    if (existing) {
      existing.replaceWith(item);
      return;
    }
    var urgency = Number(item.getAttribute("data-urgency") || 0);
    var after = Array.prototype.find.call(list.children, function (other) {
      return Number(other.getAttribute("data-urgency") || 0) < urgency;
    });
    list.insertBefore(item, after || null);
  }

  function settle(id) {
    var existing = document.getElementById("alert-" + id);
    if (existing) existing.remove();
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + path);
    socket.addEventListener("open", function () {
      delay = 1000;
      // Back after a drop: whatever changed meanwhile is fetched afresh.
      if (reconnecting) document.body.dispatchEvent(new CustomEvent("staff-changed"));
      reconnecting = true;
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (error) { return; }
      if (data.type === "alert") place(data.id, data.html);
      else if (data.type === "acknowledged") settle(data.id);
      // An open Today page fetches its list again (htmx, hx-trigger="staff-changed").
      if (data.type === "alert" || data.type === "acknowledged" || data.type === "changed") {
        document.body.dispatchEvent(new CustomEvent("staff-changed"));
      }
    });
    socket.addEventListener("close", function (event) {
      // Signed out, or not allowed: nothing to reconnect to.
      if (event.code === 4403 || event.code === 4401) return;
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
