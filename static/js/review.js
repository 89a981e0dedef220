// The review form saves itself as a draft every few seconds. Without JavaScript the form has
// its own "Save draft" button.
(() => {
  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const status = form.querySelector("[data-autosave-status]");
  let dirty = false;
  let saving = null; // the autosave in flight, if any
  let submitting = false;
  const save = () => {
    if (!dirty || saving || submitting) return saving;
    dirty = false;
    saving = send().finally(() => { saving = null; });
    return saving;
  };
  // Says which answer stopped the draft being saved (a mistyped moment, say), by its label, so
  // the reviewer can correct it; what was typed stays in the page either way.
  const labelOf = (name) => {
    const field = form.elements.namedItem(name);
    const label = field && field.id ? document.querySelector(`label[for="${field.id}"]`) : null;
    return label ? label.textContent.trim() : "";
  };
  const refusal = async (response) => {
    let errors = {};
    try { errors = (await response.json()).errors || {}; } catch (error) { /* not JSON */ }
    const said = Object.entries(errors).map(([name, messages]) => {
      const label = labelOf(name);
      return label ? `${label}: ${messages.join(" ")}` : messages.join(" ");
    });
    return said.length
      ? `Draft not saved. ${said.join(" ")} Correct it and the draft saves again.`
      : "Could not save the draft: use “Save draft”.";
  };
  const send = async () => {
    try {
      // getAttribute: the form's buttons are named "action", which shadows form.action.
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "autosave" },
      });
      if (response.ok) {
        const data = await response.json();
        if (status) status.textContent = `Draft saved at ${data.saved_at}.`;
      } else {
        dirty = true;
        if (status) status.textContent = await refusal(response);
      }
    } catch (error) {
      dirty = true; // offline for a moment: the next tick tries again
    }
  };
  // Comment boxes beside the transcript belong to the form through their form attribute, and
  // corrections.js adds lines (with their boxes) later: listened to on the document.
  const ours = (event) => event.target.form === form;
  document.addEventListener("input", (event) => { if (ours(event)) dirty = true; });
  document.addEventListener("change", (event) => { if (ours(event)) { dirty = true; save(); } });
  setInterval(save, 5000);
  // "Save draft" or "Share" waits for an autosave in flight: one landing after the share would
  // make a new draft of what was just shared.
  form.addEventListener("submit", (event) => {
    dirty = false;
    submitting = true;
    if (saving) {
      event.preventDefault();
      const button = event.submitter;
      saving.finally(() => form.requestSubmit(button));
    }
  });
})();

// A feedback point's moment: "Use the current moment" reads the player, "Pick a line" takes the
// next line chosen in the transcript (a click, or Enter on its time). The time field stays, for
// typing and for browsers without JavaScript.
(() => {
  const groups = Array.from(document.querySelectorAll("[data-moment]"));
  const lines = Array.from(document.querySelectorAll(".transcript-line[data-start]"));
  if (!groups.length || !lines.length) return;
  const player = document.getElementById("player");
  const timecode = (seconds) => {
    const whole = Math.floor(seconds);
    const [hours, minutes, secs] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
    const pad = (n) => String(n).padStart(2, "0");
    return hours ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${minutes}:${pad(secs)}`;
  };
  const seconds = (text) => {
    const parts = text.trim().split(":").map(Number);
    if (!text.trim() || parts.some((n) => Number.isNaN(n))) return null;
    return parts.reduce((total, n) => total * 60 + n, 0);
  };
  // A time code drops the fraction of a second: the line of "0:03" may start at 3.48 s.
  const lineAt = (moment) => lines.reduce(
    (found, line) => (Math.floor(Number(line.dataset.start)) <= moment ? line : found), lines[0]);
  const words = (line) => {
    const text = line.querySelector(".transcript-line__text");
    return text ? text.textContent.trim() : "";
  };
  const preview = (group, text) => {
    const place = group.querySelector("[data-moment-preview]");
    if (place) place.textContent = text;
  };
  const describe = (group) => {
    const moment = seconds(group.querySelector("input").value);
    preview(group, moment === null ? "" : `${timecode(moment)}: “${words(lineAt(moment))}”`);
  };
  const setMoment = (group, moment) => {
    const input = group.querySelector("input");
    input.value = timecode(moment);
    // The autosave listens for these.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    describe(group);
  };

  let picking = null;
  const stopPicking = () => {
    if (!picking) return;
    picking.classList.remove("app-moment--picking");
    document.body.classList.remove("app-picking-line");
    picking = null;
  };

  groups.forEach((group) => {
    const actions = group.querySelector("[data-moment-actions]");
    if (!actions) return;
    actions.hidden = false;
    const now = group.querySelector("[data-moment-now]");
    if (player) {
      now.addEventListener("click", () => setMoment(group, player.currentTime));
    } else {
      now.hidden = true; // the audio was erased: there is no current moment
    }
    group.querySelector("[data-moment-pick]").addEventListener("click", () => {
      stopPicking();
      picking = group;
      group.classList.add("app-moment--picking");
      document.body.classList.add("app-picking-line");
      preview(group, "Choose a line in the transcript (Escape to stop).");
      const playing = lines.find((line) => line.classList.contains("transcript-line--playing"));
      const start = (playing || lines[0]).querySelector("button");
      if (start) start.focus();
    });
    group.querySelector("input").addEventListener("input", (event) => {
      if (event.isTrusted) describe(group);
    });
    describe(group);
  });

  // Capturing, so the pick wins over the player's own "play from this line".
  document.addEventListener("click", (event) => {
    if (!picking) return;
    const line = event.target.closest(".transcript-line");
    if (!line) return;
    event.preventDefault();
    event.stopPropagation();
    const group = picking;
    stopPicking();
    setMoment(group, Number(line.dataset.start));
    const input = group.querySelector("input");
    input.scrollIntoView({ block: "center" });
    input.focus({ preventScroll: true });
  }, true);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !picking) return;
    const group = picking;
    stopPicking();
    describe(group);
    group.querySelector("[data-moment-pick]").focus();
  });
})();

// "Next item with evidence" / "without evidence": from the item last worked on, open its skill's
// items, bring it into view and put the focus on its rating.
(() => {
  const bar = document.querySelector("[data-item-jumps]");
  const items = Array.from(document.querySelectorAll("[data-item]"));
  if (!bar || !items.length) return;
  bar.hidden = false;
  const status = bar.querySelector("[data-jump-status]");
  let current = -1;
  items.forEach((item, index) => item.addEventListener("focusin", () => { current = index; }));
  bar.querySelectorAll("[data-jump]").forEach((button) => {
    button.addEventListener("click", () => {
      const wanted = button.dataset.jump === "with" ? "yes" : "no";
      const kind = wanted === "yes" ? "with evidence" : "without evidence";
      const matching = items.filter((item) => item.dataset.evidence === wanted);
      if (!matching.length) {
        status.textContent = `No items ${kind}.`;
        return;
      }
      const after = matching.find((item) => items.indexOf(item) > current);
      const item = after || matching[0]; // past the last one: round to the first
      current = items.indexOf(item);
      const details = item.closest("details");
      if (details) details.open = true;
      item.scrollIntoView({ block: "center" });
      const rating = item.querySelector("select");
      if (rating) rating.focus({ preventScroll: true });
      const label = item.querySelector("label");
      status.textContent = `${label ? label.textContent : ""}: ${matching.indexOf(item) + 1} of ${matching.length} ${kind}.`;
    });
  });
})();
