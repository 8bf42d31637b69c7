// Live room: sends and receives messages over a WebSocket, keeps drafts and unsent
// messages in this browser until the server has saved them, reconnects by itself and
// catches up from the last message seen. Protocol: docs/live-sessions.md.
(function () {
  "use strict";
  var root = document.getElementById("live-room");
  if (!root || !window.WebSocket) { return; }

  var list = document.getElementById("live-messages");
  var outboxList = document.getElementById("outbox");
  var form = document.getElementById("live-form");
  var body = form ? form.querySelector("textarea[name=body]") : null;
  var warning = form ? form.querySelector("select[name=content_warning]") : null;
  var warningText = form ? form.querySelector("input[name=content_warning_text]") : null;
  var sendError = document.getElementById("send-error");
  var presence = document.getElementById("presence");
  var connectionState = document.getElementById("connection-state");
  var roomState = document.getElementById("room-state");
  var log = document.getElementById("live-log");
  var key = root.getAttribute("data-room-key");
  var draftKey = key + ":draft";
  var outboxKey = key + ":outbox";
  var lastId = parseInt(root.getAttribute("data-last-id") || "0", 10);
  var socket = null;
  var attempt = 0;
  var stopped = false;
  var reconnectTimer = null;
  var caughtUpFrom = 0;
  var SHOWN_LIMIT = 500;
  // Reconnecting waits longer each time, up to a ceiling; it starts again from the
  // shortest wait only once a connection has stayed up for a while.
  var LONGEST_WAIT = 30000;
  var STEADY_AFTER = 20000;
  var steadyTimer = null;
  // A message sent on this many connections without an answer is given back.
  var MOST_TRIES = 3;
  var GIVEN_BACK = "Your message could not be sent. It is back in the box: you could change it and send it again.";
  var roomOpen = roomState ? roomState.classList.contains("room-open") : true;

  function load(name, fallback) {
    try { var raw = window.localStorage.getItem(name); return raw ? JSON.parse(raw) : fallback; }
    catch (ignored) { return fallback; }
  }
  function save(name, value) {
    try { window.localStorage.setItem(name, JSON.stringify(value)); } catch (ignored) { /* private mode */ }
  }

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // Drafts: what is typed is kept until it has been sent and saved.
  var draft = load(draftKey, null);
  if (body && draft && !body.value) {
    body.value = draft.body || "";
    if (warning) { warning.value = draft.content_warning || ""; }
    if (warningText) { warningText.value = draft.content_warning_text || ""; }
  }
  function saveDraft() {
    if (!body) { return; }
    save(draftKey, {
      body: body.value,
      content_warning: warning ? warning.value : "",
      content_warning_text: warningText ? warningText.value : ""
    });
  }
  if (form) { form.addEventListener("input", saveDraft); form.addEventListener("change", saveDraft); }

  // The outbox: messages sent but not yet acknowledged.
  var outbox = load(outboxKey, []);
  function saveOutbox() { save(outboxKey, outbox); renderOutbox(); }
  function renderOutbox() {
    if (!outboxList) { return; }
    outboxList.textContent = "";
    outbox.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "post live-post is-mine pending";
      li.setAttribute("data-pending", item.client_id);
      var p = document.createElement("p");
      p.className = "post-body";
      p.textContent = item.body;
      var note = document.createElement("p");
      note.className = item.failed ? "error" : "muted";
      note.textContent = item.failed ? "Not sent — try again" : "Sending…";
      li.appendChild(p); li.appendChild(note);
      outboxList.appendChild(li);
    });
  }
  renderOutbox();

  function setConnection(text) { if (connectionState) { connectionState.textContent = text; } }

  function sendFrame(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  // Never drop what someone wrote: a message the server refused (or that never got
  // an answer) goes back in the box with the reason, after anything typed since.
  function giveBack(item, reason) {
    outbox = outbox.filter(function (other) { return other.client_id !== item.client_id; });
    saveOutbox();
    if (body) {
      if (body.value.trim()) {
        body.value = body.value.replace(/\s+$/, "") + "\n\n" + item.body;
      } else {
        body.value = item.body;
        if (warning) { warning.value = item.content_warning || ""; }
        if (warningText) { warningText.value = item.content_warning_text || ""; }
      }
      saveDraft();
    }
    if (sendError) { sendError.hidden = false; sendError.textContent = reason; }
  }

  function flushOutbox() {
    outbox.slice().forEach(function (item) {
      if (item.failed) { return; }
      item.tries = (item.tries || 0) + 1;
      if (item.tries > MOST_TRIES) { giveBack(item, GIVEN_BACK); return; }
      sendFrame(item);
    });
    save(outboxKey, outbox);
  }

  // While missed messages arrive, the log is busy, so screen readers wait for it.
  function setBusy(isBusy) {
    if (!log) { return; }
    if (isBusy) { log.setAttribute("aria-busy", "true"); } else { log.removeAttribute("aria-busy"); }
  }

  function focusState(element) {
    if (element) { element.focus(); }
  }

  function sameMessage(shown, fresh) {
    var copy = shown.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("details[open]"), function (details) {
      details.removeAttribute("open");
    });
    return copy.isEqualNode(fresh);
  }

  // The messages on screen, oldest first, for catch-up to bring up to date. Catch-up
  // looks at the newest 500 at most, so any older ones leave the screen: words
  // hidden since must not stay on it.
  function shownIds() {
    var items = Array.prototype.slice.call(list.querySelectorAll("li[id^='post-']"));
    var ids = [];
    items.forEach(function (item, index) {
      if (index < items.length - SHOWN_LIMIT) { item.remove(); return; }
      var id = parseInt(item.id.slice(5), 10);
      if (id > 0) { ids.push(id); }
    });
    return ids.sort(function (a, b) { return a - b; });
  }

  function placeMessage(id, html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var element = template.content.firstElementChild;
    if (!element) { return; }
    var existing = document.getElementById("post-" + id);
    if (existing) {
      // Catch-up sends every message on screen again: only a changed one is
      // replaced, so a warning someone has opened stays open.
      if (!sameMessage(existing, element)) { existing.replaceWith(element); }
      return;
    }
    var empty = list.querySelector(".live-empty");
    if (empty) { empty.remove(); }
    // Keep the list in id order, whatever order frames arrive in.
    var after = null;
    var items = list.querySelectorAll("li[data-id]");
    for (var i = items.length - 1; i >= 0; i--) {
      if (parseInt(items[i].getAttribute("data-id"), 10) < id) { after = items[i]; break; }
    }
    if (after) { after.after(element); } else if (items.length) { list.prepend(element); } else { list.appendChild(element); }
  }

  function onMessage(event) {
    var data;
    try { data = JSON.parse(event.data); } catch (ignored) { return; }
    if (data.type === "message") {
      placeMessage(data.id, data.html);
      if (data.id > lastId) { lastId = data.id; }
    } else if (data.type === "ack") {
      outbox = outbox.filter(function (item) { return item.client_id !== data.client_id; });
      saveOutbox();
      if (data.id > lastId) { /* the message frame brings the content */ }
      if (data.status === "held" && sendError) {
        sendError.hidden = false;
        sendError.textContent = "Your message is saved and waiting for a quick check before others see it.";
      }
    } else if (data.type === "caught_up") {
      // One catch-up brings at most 500 messages: ask again until nothing is left.
      if (data.last_id > caughtUpFrom) { caughtUpFrom = data.last_id; sendFrame({ type: "catch_up", after: data.last_id }); return; }
      setBusy(false);
    } else if (data.type === "error") {
      // The server gave up on this message: so does the page, and never resends it.
      var failed = outbox.filter(function (item) { return item.client_id === data.client_id; })[0];
      if (failed && body) {
        giveBack(failed, data.message);
      } else if (failed) {
        failed.failed = true;
        saveOutbox();
      }
      if (sendError) { sendError.hidden = false; sendError.textContent = data.message; }
    } else if (data.type === "presence") {
      if (presence) {
        var text = data.here + (data.here === 1 ? " person here" : " people here");
        if (data.taking_a_moment) { text += ", " + data.taking_a_moment + " taking a moment"; }
        if (data.names && data.names.length) { text += " (including " + data.names.join(", ") + ")"; }
        presence.textContent = text;
      }
    } else if (data.type === "filters") {
      // Topic filters changed (in another tab, say): what is on screen is checked again.
      setBusy(true);
      caughtUpFrom = lastId;
      sendFrame({ type: "catch_up", after: lastId, shown: shownIds() });
    } else if (data.type === "room") {
      // Every catch-up says how the room is: only a change is shown and announced.
      if (data.is_open === roomOpen) { return; }
      roomOpen = data.is_open;
      if (roomState) {
        roomState.className = data.is_open ? "room-open" : "room-closed";
        roomState.textContent = data.is_open ? "The room is open." : "The room is closed just now. You can still read what was said.";
      }
      if (form) { form.hidden = !data.is_open; }
      if (!data.is_open) { focusState(roomState); }
    }
  }

  function connect() {
    if (stopped) { return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-socket-path"));
    socket.addEventListener("open", function () {
      // Only a connection that stays up brings the waits back to the shortest: one
      // that drops at once (a server in trouble) keeps them growing.
      steadyTimer = window.setTimeout(function () { attempt = 0; }, STEADY_AFTER);
      setConnection("");
      setBusy(true);
      caughtUpFrom = lastId;
      sendFrame({ type: "catch_up", after: lastId, shown: shownIds() });
      flushOutbox();
      // Still in the calm space after a dropped connection: still taking a moment.
      if (calm && !calm.hidden) { sendFrame({ type: "step_away", visible: !!(visibleBox && visibleBox.checked) }); }
    });
    socket.addEventListener("message", onMessage);
    socket.addEventListener("close", function (event) {
      socket = null;
      window.clearTimeout(steadyTimer);
      setBusy(false);
      if (event.code === 4403 || event.code === 4401) {
        stopped = true;
        setConnection(event.code === 4401
          ? "You have signed out, so the room has stopped updating."
          : "This room is not updating for you any more.");
        if (form) { form.hidden = true; }
        focusState(connectionState);
        return;
      }
      setConnection("Reconnecting… Anything you write is kept and will be sent.");
      var delay = Math.min(LONGEST_WAIT, 500 * Math.pow(2, attempt)) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      reconnectTimer = window.setTimeout(connect, delay);
    });
  }

  window.addEventListener("online", function () {
    if (!socket && !stopped) { window.clearTimeout(reconnectTimer); attempt = 0; connect(); }
  });

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sendError) { sendError.hidden = true; sendError.textContent = ""; }
      var text = body.value;
      if (!text.trim()) {
        if (sendError) { sendError.hidden = false; sendError.textContent = "Please write something before sending."; }
        return;
      }
      var item = {
        type: "send",
        client_id: newClientId(),
        body: text,
        content_warning: warning ? warning.value : "",
        content_warning_text: warningText ? warningText.value : ""
      };
      outbox.push(item);
      saveOutbox();
      body.value = "";
      if (warning) { warning.value = ""; }
      if (warningText) { warningText.value = ""; }
      saveDraft();
      sendFrame(item);
      body.focus();
    });
    if (body) {
      body.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { form.requestSubmit(); }
      });
    }
  }

  // Stepping away: a calm space on the same page, one click back.
  var stepAway = document.getElementById("step-away");
  var visibleBox = document.getElementById("step-away-visible");
  var calm = document.getElementById("calm-space-panel");
  var roomView = document.getElementById("room-view");
  var comeBack = document.getElementById("come-back");
  if (visibleBox) {
    visibleBox.checked = load("step-away-visible", false) === true;
    visibleBox.addEventListener("change", function () { save("step-away-visible", visibleBox.checked); });
  }
  if (stepAway && calm && roomView) {
    stepAway.addEventListener("click", function (event) {
      event.preventDefault();
      sendFrame({ type: "step_away", visible: !!(visibleBox && visibleBox.checked) });
      roomView.hidden = true;
      calm.hidden = false;
      var heading = document.getElementById("calm-space-heading");
      if (heading) { heading.focus(); }
    });
  }
  if (comeBack && calm && roomView) {
    comeBack.addEventListener("click", function (event) {
      event.preventDefault();
      sendFrame({ type: "back" });
      calm.hidden = true;
      roomView.hidden = false;
      if (stepAway) { stepAway.focus(); }
    });
  }

  connect();
})();
