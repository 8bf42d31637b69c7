// Quick exit: replace this page with an ordinary website at once, keep this page
// out of the back history as far as the browser allows, and forget what was being
// typed here (drafts and unsent live messages), so that nothing comes back for
// someone else at this device. Where the person chose it, or in a group where
// someone may be watching, it also signs this browser out on the way.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var target = link.getAttribute("data-exit-url") || "https://www.bbc.co.uk/weather";
  var signOutUrl = link.getAttribute("data-sign-out-url");

  function forgetTyping() {
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var name = window.localStorage.key(i);
        if (name && (name.indexOf("draft:") === 0 || name.indexOf("live-") === 0)) {
          window.localStorage.removeItem(name);
        }
      }
    } catch (ignored) { /* storage unavailable: nothing was kept */ }
    document.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
      field.value = "";
    });
  }

  function signOut() {
    if (!signOutUrl || !window.navigator.sendBeacon) { return; }
    try {
      var token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
      var form = new FormData();
      form.append("csrfmiddlewaretoken", token || "");
      window.navigator.sendBeacon(signOutUrl, form);
    } catch (ignored) { /* leaving matters more */ }
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    try {
      forgetTyping();
      signOut();
      document.title = "Weather";
      document.body.innerHTML = "";
      // Overwrite this page's own history entry before moving on.
      window.history.replaceState(null, "", "/");
    } catch (ignored) { /* keep going: leaving matters more */ }
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(event); }
    lastEscape = now;
  });
})();
