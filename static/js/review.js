// The review and feedback pages: moments play in the audio player, the transcript follows the
// audio, and the review form saves itself as a draft. Without JavaScript the links still go to
// the line and the form has its own "Save draft" button.
(() => {
  const player = document.getElementById("player");
  const lines = Array.from(document.querySelectorAll(".transcript-line[data-start]"));

  const playFrom = (seconds, lineIndex) => {
    if (!player) return;
    player.currentTime = seconds;
    player.play().catch(() => { /* autoplay refused: the position is still set */ });
    const line = document.getElementById(`line-${lineIndex}`);
    if (line) line.scrollIntoView({ block: "nearest" });
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-seek]");
    if (link && player) {
      event.preventDefault();
      playFrom(Number(link.dataset.seek), link.dataset.line);
      return;
    }
    // A click on a line's text plays from there; its buttons, forms and comment keep theirs.
    const line = event.target.closest(".transcript-line");
    if (line && !event.target.closest("button, a, form, details, textarea, select, input")) {
      playFrom(Number(line.dataset.start), line.id.replace("line-", ""));
    }
  });

  if (player && lines.length) {
    let playing = null;
    const follow = () => {
      const now = player.currentTime;
      const current = lines.find((line) => now >= Number(line.dataset.start) && now < Number(line.dataset.end));
      if (current === playing) return;
      if (playing) playing.classList.remove("transcript-line--playing");
      if (current) current.classList.add("transcript-line--playing");
      playing = current || null;
    };
    // "seeked" as well as "timeupdate": a jump to a moment shows its line at once, even paused.
    player.addEventListener("timeupdate", follow);
    player.addEventListener("seeked", follow);
  }

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
        if (status) status.textContent = "Could not save the draft: use “Save draft”.";
      }
    } catch (error) {
      dirty = true; // offline for a moment: the next tick tries again
    }
  };
  // Comment boxes beside the transcript belong to the form through their form attribute.
  const fields = () => Array.from(form.elements);
  fields().forEach((field) => {
    field.addEventListener("input", () => { dirty = true; });
    field.addEventListener("change", () => { dirty = true; save(); });
  });
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
