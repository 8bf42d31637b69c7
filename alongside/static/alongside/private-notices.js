// Team notices: where a page shows what the team has written to the person (the
// crisis card under their post), it listens on the person's notice socket and puts
// in the newest notice as it arrives, announced through the element's live region.
(function () {
  "use strict";
  if (!window.WebSocket || window.alongsideTeamNotices) { return; }
  window.alongsideTeamNotices = true;
  if (!document.querySelector("[data-team-notice]")) { return; }
  var attempt = 0;

  function place(organisationId, html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.firstElementChild;
    if (!fresh) { return; }
    var shown = document.querySelectorAll("[data-team-notice='" + organisationId + "']");
    Array.prototype.forEach.call(shown, function (element) {
      if (!element.isEqualNode(fresh)) { element.replaceWith(fresh.cloneNode(true)); }
    });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/private/");
    socket.addEventListener("open", function () { attempt = 0; });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (ignored) { return; }
      if (data.type === "notice") { place(String(data.organisation_id), data.html); }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4403 || event.code === 4401) { return; }
      var delay = Math.min(15000, 500 * Math.pow(2, attempt)) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      window.setTimeout(connect, delay);
    });
  }
  connect();
})();
