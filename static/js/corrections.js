// Transcript corrections on the review page (a line's words, split, merge, who spoke) without a
// page reload. Each correction form is a plain POST that works without JavaScript; here it is
// sent with fetch, the server answers with the lines that changed, and only those lines and the
// machine's scores (elements marked data-refresh) are replaced from a fresh copy of the page.
// Comment boxes are moved, not re-made, into the new lines, so nothing typed is lost.
(() => {
  const transcript = document.querySelector("ol.transcript-lines");
  if (!transcript) return;
  const status = document.getElementById("corrections-status");
  let busy = false;

  const say = (text) => {
    if (status) status.textContent = text;
  };

  const lineId = (index) => `line-${index}`;

  const freshPage = async () => {
    const response = await fetch(window.location.pathname + window.location.search, {
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`page ${response.status}`);
    return new DOMParser().parseFromString(await response.text(), "text/html");
  };

  // The comment box of a line (it belongs to the review form through its form attribute).
  const commentOf = (line) => line && line.querySelector(".transcript-line__comment textarea");

  // The new copy of a line takes the old one's comment box (with what was typed, and the
  // autosave's listeners) and the open state of its comment.
  const replaceLine = (old, fresh) => {
    const oldComment = commentOf(old);
    const freshComment = commentOf(fresh);
    if (oldComment && freshComment) {
      freshComment.replaceWith(oldComment);
      const details = fresh.querySelector(".transcript-line__comment");
      if (details && oldComment.value.trim()) details.open = true;
    }
    old.replaceWith(fresh);
  };

  // A merged-away line's comment is kept: added to the line it was merged into.
  const keepComment = (removed, into) => {
    const text = commentOf(removed)?.value.trim();
    const target = commentOf(into);
    if (!text || !target) return;
    target.value = [target.value.trim(), text].filter(Boolean).join("\n");
    target.closest("details").open = true;
    target.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const placeNewLine = (fresh, doc) => {
    let before = doc.getElementById(fresh.id)?.previousElementSibling;
    while (before && !document.getElementById(before.id)) before = before.previousElementSibling;
    if (before) document.getElementById(before.id).after(fresh);
    else transcript.prepend(fresh);
  };

  const refreshLines = (doc, changed, removed) => {
    const firstChanged = changed.length ? lineId(changed[0]) : null;
    removed.forEach((index) => {
      const gone = document.getElementById(lineId(index));
      if (!gone) return;
      keepComment(gone, firstChanged && document.getElementById(firstChanged));
      gone.remove();
    });
    const added = [];
    changed.forEach((index) => {
      const source = doc.getElementById(lineId(index));
      if (!source) return;
      const fresh = document.importNode(source, true);
      const old = document.getElementById(lineId(index));
      if (old) replaceLine(old, fresh);
      else added.push([fresh, source]);
    });
    added.forEach(([fresh]) => placeNewLine(fresh, doc));
  };

  // The machine's scores and anything else that depends on the transcript's lines.
  const refreshParts = (doc, answer) => {
    document.querySelectorAll("[data-refresh][id]").forEach((old) => {
      const source = doc.getElementById(old.id);
      if (!source) return;
      const fresh = document.importNode(source, true);
      if (old.tagName === "DETAILS") fresh.open = old.open;
      old.replaceWith(fresh);
    });
    // The "Moment" lists of the feedback form name every line: new lines in, gone lines out,
    // the manager's choice kept (a merged-away line's moment moves to the line it joined).
    const removed = (answer.removed || []).map(String);
    const mergedInto = String((answer.changed || [])[0] ?? "");
    document.querySelectorAll("#review-form select[name$='_line']").forEach((select) => {
      const source = doc.querySelector(`#review-form select[name='${select.name}']`);
      if (!source) return;
      const before = select.value;
      const chosen = removed.includes(before) ? mergedInto : before;
      select.innerHTML = source.innerHTML;
      select.value = Array.from(select.options).some((o) => o.value === chosen) ? chosen : "";
      // The autosave hears of a moment that moved.
      if (select.value !== before) select.dispatchEvent(new Event("change", { bubbles: true }));
    });
  };

  const showChanged = (changed) => {
    const line = changed.length && document.getElementById(lineId(changed[0]));
    if (!line) return;
    line.classList.add("transcript-line--changed");
    line.setAttribute("tabindex", "-1");
    line.focus({ preventScroll: true });
    line.scrollIntoView({ block: "nearest" });
    setTimeout(() => line.classList.remove("transcript-line--changed"), 2000);
  };

  const send = async (form) => {
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "corrections" },
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      say(answer.error || "That correction could not be made. Reload the page and try again.");
      return;
    }
    const doc = await freshPage();
    refreshLines(doc, answer.changed || [], answer.removed || []);
    refreshParts(doc, answer);
    say(answer.message || "Corrected.");
    showChanged(answer.changed || []);
    document.dispatchEvent(new CustomEvent("transcript:changed", { detail: answer }));
  };

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-correction]");
    if (!form) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    say("Saving the correction…");
    send(form)
      .catch(() => say("The correction may not have been saved: reload the page to check."))
      .finally(() => {
        busy = false;
      });
  });
})();
