"use strict";
  // Warn (never block) when the pseudonym reads like a real full name; the server warns too.
  (() => {
    const input = document.querySelector("[data-full-name-warning]");
    const warning = document.getElementById("pseudonym-warning");
    const fullName = /^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+$/;
    const check = () => { warning.hidden = !fullName.test(input.value.trim()); };
    input.addEventListener("input", check);
    check();
    // A file over the size limit is refused before it is sent, not after a long upload.
    const form = document.querySelector("[data-module=recording-upload]");
    const file = form.querySelector("input[type=file]");
    const maxBytes = Number(form.dataset.maxBytes);
    const oversized = () => file.files.length > 0 && file.files[0].size > maxBytes;
    // As the server words it: more decimals when whole megabytes would read the same.
    const sizes = (size) => {
      for (const digits of [0, 1]) {
        const [a, b] = [size, maxBytes].map((bytes) => `${(bytes / 1048576).toFixed(digits)} MB`);
        if (a !== b) return [a, b];
      }
      return [size, maxBytes].map((bytes) => `${bytes.toLocaleString("en-GB")} bytes`);
    };
    const tooBig = () => {
      const [size, limit] = sizes(file.files[0].size);
      return {
        id: file.id,
        errorId: "audio-too-big",
        message: `The file is ${size}, more than the ${limit} allowed. Export it at a lower quality (for example MP3 at 64 kbps) and choose it again.`,
      };
    };
    // Required answers are checked before the file is sent: a long upload answered by "Select at
    // least one skill" would lose the file, which the browser keeps while the page stays.
    const summary = document.getElementById("upload-check");
    const missing = () => {
      const named = (name) => Array.from(form.querySelectorAll(`[name="${name}"]`));
      const checks = [
        ["audio", (inputs) => inputs[0].files.length > 0],
        ["session_date", (inputs) => inputs[0].value.trim() !== ""],
        ["client_pseudonym", (inputs) => inputs[0].value.trim() !== ""],
        ["skills", (inputs) => inputs.some((box) => box.checked)],
        ["consent", (inputs) => inputs[0].checked],
      ];
      return checks
        .map(([name, ok]) => [named(name), name, ok])
        .filter(([inputs, , ok]) => inputs.length > 0 && !ok(inputs))
        .map(([inputs, name]) => ({
          id: inputs[0].id,
          message: form.dataset[`missing${name.replace(/(^|_)(\w)/g, (_m, _u, c) => c.toUpperCase())}`],
        }));
    };
    // What the page can already tell is wrong: answers missing, or a file over the limit.
    const problemsHere = () => [...missing(), ...(oversized() ? [tooBig()] : [])];
    // Errors are tied to their inputs as GOV.UK Frontend's components tie them: the group is
    // marked, the message has an id, and the input (or the fieldset of a group of boxes) names
    // that id in its aria-describedby, so a screen reader reads the error with the field.
    const groupOf = (input) => input && input.closest(".govuk-form-group");
    const describedOf = (input) => {
      const fieldset = input.closest("fieldset");
      return fieldset && groupOf(input).contains(fieldset) ? fieldset : input;
    };
    const describedByWithout = (element, ids) => (element.getAttribute("aria-describedby") || "")
      .split(/\s+/)
      .filter((token) => token && !ids.includes(token));
    const ERROR_MODIFIERS = ["govuk-input", "govuk-select", "govuk-textarea", "govuk-file-upload"];
    // Removes a group's error, whether this script or the server wrote it, with its summary link.
    const clearGroupError = (group) => {
      const messages = Array.from(group.querySelectorAll(".govuk-error-message"));
      const ids = messages.map((message) => message.id).filter(Boolean);
      messages.forEach((message) => message.remove());
      group.classList.remove("govuk-form-group--error");
      group.querySelectorAll("[aria-describedby]").forEach((element) => {
        const kept = describedByWithout(element, ids);
        if (kept.length) element.setAttribute("aria-describedby", kept.join(" "));
        else element.removeAttribute("aria-describedby");
      });
      ERROR_MODIFIERS.forEach((css) => {
        group.querySelectorAll(`.${css}--error`).forEach((element) => element.classList.remove(`${css}--error`));
      });
      summary.querySelectorAll("a[href^='#']").forEach((link) => {
        const target = document.getElementById(link.hash.slice(1));
        if (target && group.contains(target)) link.closest("li").remove();
      });
      if (!summary.querySelector("li")) summary.hidden = true;
    };
    const clearFieldErrors = () => {
      form.querySelectorAll(".govuk-form-group--error").forEach(clearGroupError);
    };
    const showFieldError = ({ id, message, errorId }) => {
      const input = id && document.getElementById(id);
      const group = groupOf(input);
      if (!group) return;
      const described = describedOf(input);
      const text = document.createElement("p");
      text.className = "govuk-error-message";
      // As the server's templates name them (core.form_fields): from the id of the input, or of
      // a group's fieldset: `id_audio-error`, `id_skills-error`.
      // (A fieldset drawn without an id falls back on the input's name, never "-error".)
      text.id = errorId || `${described.id || input.name}-error`;
      const hidden = document.createElement("span");
      hidden.className = "govuk-visually-hidden";
      hidden.textContent = "Error:";
      text.append(hidden, ` ${message}`);
      if (document.getElementById(text.id)) {
        // A second message for the same field joins the first, as the server joins them.
        document.getElementById(text.id).append(` ${message}`);
        return;
      }
      const before = (described === input ? group : described).querySelector(".govuk-checkboxes, .govuk-radios, input, select, textarea");
      (before ? before.parentNode : group).insertBefore(text, before);
      group.classList.add("govuk-form-group--error");
      described.setAttribute("aria-describedby", [...describedByWithout(described, [text.id]), text.id].join(" "));
      const modifier = ERROR_MODIFIERS.find((css) => input.classList.contains(css));
      if (modifier) input.classList.add(`${modifier}--error`);
    };
    const showSummary = (problems, title = "There is a problem") => {
      const list = summary.querySelector("ul");
      list.replaceChildren(...problems.map(({ id, message }) => {
        const item = document.createElement("li");
        if (id) {
          const link = document.createElement("a");
          link.href = `#${id}`;
          link.textContent = message;
          item.append(link);
        } else {
          item.textContent = message;
        }
        return item;
      }));
      // The title is written here, so a page without a problem never carries the words.
      summary.querySelector(".govuk-error-summary__title").textContent = title;
      summary.hidden = false;
      summary.focus();
    };
    const showProblems = (problems) => {
      clearFieldErrors();
      problems.forEach(showFieldError);
      showSummary(problems);
    };
    // A link in the summary moves focus to its input and brings the input's label or legend into
    // view, as GOV.UK Frontend's error summary does (a bare fragment link only scrolls).
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      const input = link && document.getElementById(link.hash.slice(1));
      if (!input) return;
      event.preventDefault();
      const legend = input.closest("fieldset") && input.closest("fieldset").querySelector("legend");
      const label = legend || document.querySelector(`label[for="${input.id}"]`) || input;
      label.scrollIntoView();
      input.focus({ preventScroll: true });
    });
    // An error goes as soon as its field is put right; the check runs again on sending.
    const recheck = (event) => {
      const group = groupOf(event.target);
      if (!group || !group.classList.contains("govuk-form-group--error")) return;
      const still = problemsHere().some(({ id }) => group.contains(document.getElementById(id)));
      if (!still) clearGroupError(group);
    };
    form.addEventListener("input", recheck);
    form.addEventListener("change", recheck);
    // A new file puts right what was said of the last one; one over the limit is said at once.
    file.addEventListener("change", () => {
      clearGroupError(groupOf(file));
      if (oversized()) showFieldError(tooBig());
    });
    // The file is sent by the script, so the page shows how much has gone (a <progress> and its
    // percentage, read out every tenth) and, when the server refuses it, says why while the
    // chosen file stays chosen. Without the script the form posts as usual.
    const button = form.querySelector("button[type=submit]");
    const buttonText = button.textContent;
    const progress = document.getElementById("upload-progress");
    const bar = progress.querySelector("progress");
    const said = document.getElementById("upload-progress-text");
    let sending = false;
    const finish = () => {
      sending = false;
      button.disabled = false;
      button.textContent = buttonText;
      progress.hidden = true;
    };
    const refused = (problems) => {
      finish();
      showProblems(problems);
    };
    const failed = (why) => refused([{ id: "", message: `${why} Your file is still chosen: try again.` }]);
    const showPercent = (percent) => {
      bar.value = percent;
      bar.textContent = `${percent}%`;
      // Screen readers hear every tenth, not every step.
      const spoken = percent === 100 ? "Uploaded. Checking the audio…" : `Uploading: ${Math.floor(percent / 10) * 10}%`;
      if (said.textContent !== spoken) said.textContent = spoken;
      progress.querySelector("[data-percent]").textContent = `${percent}%`;
    };
    const send = () => {
      const request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) showPercent(Math.round((event.loaded / event.total) * 100));
      });
      request.upload.addEventListener("load", () => showPercent(100));
      request.addEventListener("load", () => {
        let answer = null;
        try { answer = JSON.parse(request.responseText); } catch { answer = null; }
        if (answer && answer.location) { window.location.assign(answer.location); return; }
        if (answer && Array.isArray(answer.errors) && answer.errors.length) { refused(answer.errors); return; }
        failed(request.status === 413 ? "The file is too big for the server." : `The upload failed (the server answered ${request.status}).`);
      });
      request.addEventListener("error", () => failed("The connection was lost during the upload."));
      request.addEventListener("abort", () => failed("The upload was stopped."));
      request.send(new FormData(form));
    };
    const start = () => {
      // A second click while a large file uploads would send it again.
      if (sending) return;
      const problems = problemsHere();
      if (problems.length) { showProblems(problems); return; }
      summary.hidden = true;
      clearFieldErrors();
      sending = true;
      button.disabled = true;
      button.textContent = "Uploading…";
      progress.hidden = false;
      showPercent(0);
      send();
    };
    // On the button's click (Enter in a field clicks it too), before GOV.UK Frontend's
    // double-click guard sees it: `sending` guards instead, and a refusal that comes back
    // within the guard's second must not swallow the click that sends the file again.
    form.addEventListener("click", (event) => {
      if (!event.target.closest("button[type=submit]")) return;
      event.preventDefault();
      event.stopPropagation();
      start();
    }, true);
    form.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  })();
