// Signing out on a shared device: forget the drafts and unsent live messages kept in
// this browser, so the next person cannot read them. Leaving quickly forgets them too
// (quick-exit.js).
(function () {
  "use strict";
  function forgetDrafts() {
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var name = window.localStorage.key(i);
        if (name && (name.indexOf("draft:") === 0 || name.indexOf("live-") === 0)) {
          window.localStorage.removeItem(name);
        }
      }
    } catch (ignored) { /* storage unavailable: nothing was kept */ }
  }
  document.querySelectorAll("form[data-forget-drafts]").forEach(function (form) {
    form.addEventListener("submit", forgetDrafts);
  });
})();
