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
