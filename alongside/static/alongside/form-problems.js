// A form sent back with something to change: the note at its top takes the focus,
// so a screen reader says what needs a second look before anything else. The same
// after htmx swaps a form back in place.
(function () {
  "use strict";

  function focusProblem(scope) {
    var problem = scope.querySelector(".form-problem");
    if (problem) {
      problem.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusProblem(document);
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail && event.detail.elt;
    focusProblem(swapped && swapped.isConnected ? swapped : document);
  });
})();
