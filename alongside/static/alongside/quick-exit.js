// Quick exit: replace this page with an ordinary website at once, and keep this
// page out of the back history as far as the browser allows.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var target = link.getAttribute("data-exit-url") || "https://www.bbc.co.uk/weather";

  function leave(event) {
    if (event) { event.preventDefault(); }
    try {
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
