// Drafts for post forms: what is typed is kept in this browser until the post appears
// on the page (the server has saved it), so a reload or an error loses nothing.
// Drafts are keyed per person (data-draft names the form and the person).
(function () {
  "use strict";
  function load(name) {
    try { var raw = window.localStorage.getItem(name); return raw ? JSON.parse(raw) : null; }
    catch (ignored) { return null; }
  }
  // Any kept draft whose post is on this page has arrived, whichever form it came
  // from (a new conversation's draft is cleared on the conversation's own page), so
  // its client id is never sent again with other words.
  var arrived = {};
  document.querySelectorAll("[data-client-id]").forEach(function (element) {
    arrived[element.getAttribute("data-client-id")] = true;
  });
  try {
    for (var i = window.localStorage.length - 1; i >= 0; i--) {
      var name = window.localStorage.key(i);
      if (name && name.indexOf("draft:") === 0) {
        var kept = load(name);
        if (kept && kept.client_id && arrived[kept.client_id]) { window.localStorage.removeItem(name); }
      }
    }
  } catch (ignored) { /* storage unavailable: nothing was kept */ }

  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "draft:" + form.getAttribute("data-draft");
    var clientField = form.querySelector("input[name=client_id]");
    var fields = form.querySelectorAll("textarea, input[type=text], select");
    var saved = load(key);
    var untouched = Array.prototype.every.call(fields, function (field) { return !field.value || field.tagName === "SELECT"; });
    if (saved && untouched) {
      fields.forEach(function (field) { if (saved.values && saved.values[field.name] !== undefined) { field.value = saved.values[field.name]; } });
      if (clientField && saved.client_id) { clientField.value = saved.client_id; }
    }
    function keep() {
      var values = {};
      fields.forEach(function (field) { values[field.name] = field.value; });
      try {
        window.localStorage.setItem(key, JSON.stringify({ client_id: clientField ? clientField.value : "", values: values }));
      } catch (ignored) { /* private mode: the server keeps text on errors anyway */ }
    }
    // The server sent the words back (a problem, or a refused resend with a new
    // client id): keep what the page now holds.
    if (!untouched) { keep(); }
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  });
})();
