// Locks an open plan after five minutes without use, on a plan with a PIN. If a
// section was being changed, that form is sent with "lock_after", so the server
// keeps the words (sealed) until the PIN is entered; otherwise the page's "Lock my
// plan now" form is sent. Without JavaScript the server locks the plan on the next
// page opened after five idle minutes, and keeps a form sent then in the same way.
(function () {
  "use strict";
  var lockForm = document.getElementById("plan-lock-form");
  if (!lockForm) return;
  var seconds = parseInt(lockForm.getAttribute("data-idle-seconds"), 10) || 300;
  var draftForm = document.querySelector("form[data-keeps-draft]");
  var changed = false;
  var timer = null;
  if (draftForm) {
    draftForm.addEventListener("input", function () { changed = true; });
  }
  function lockNow() {
    if (draftForm && changed) {
      var marker = document.createElement("input");
      marker.type = "hidden";
      marker.name = "lock_after";
      marker.value = "1";
      draftForm.appendChild(marker);
      draftForm.submit();
      return;
    }
    lockForm.submit();
  }
  function restart() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(lockNow, seconds * 1000);
  }
  ["keydown", "pointerdown", "scroll", "touchstart", "input"].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true });
  });
  restart();
})();
