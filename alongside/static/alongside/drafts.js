// Drafts for post forms: what is typed is kept in this browser until the post appears
// on the page (the server has saved it), so a reload or an error loses nothing.
(function () {
  "use strict";
  function load(name) {
    try { var raw = window.localStorage.getItem(name); return raw ? JSON.parse(raw) : null; }
    catch (ignored) { return null; }
  }
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "draft:" + form.getAttribute("data-draft");
    var clientField = form.querySelector("input[name=client_id]");
    var fields = form.querySelectorAll("textarea, input[type=text], select");
    var saved = load(key);
    if (saved && saved.client_id && document.querySelector('[data-client-id="' + saved.client_id + '"]')) {
      window.localStorage.removeItem(key);  // it arrived: the server has it
      saved = null;
    }
    if (saved) {
      var untouched = Array.prototype.every.call(fields, function (field) { return !field.value || field.tagName === "SELECT"; });
      if (untouched) {
        fields.forEach(function (field) { if (saved.values && saved.values[field.name] !== undefined) { field.value = saved.values[field.name]; } });
        if (clientField && saved.client_id) { clientField.value = saved.client_id; }
      }
    }
    function keep() {
      var values = {};
      fields.forEach(function (field) { values[field.name] = field.value; });
      try {
        window.localStorage.setItem(key, JSON.stringify({ client_id: clientField ? clientField.value : "", values: values }));
      } catch (ignored) { /* private mode: the server keeps text on errors anyway */ }
    }
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  });
})();
