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
    const tooBig = document.getElementById("audio-too-big");
    const maxBytes = Number(form.dataset.maxBytes);
    const oversized = () => file.files.length > 0 && file.files[0].size > maxBytes;
    file.addEventListener("change", () => {
      tooBig.hidden = !oversized();
      // As the server words it: more decimals when whole megabytes would read the same.
      const sizes = (size) => {
        for (const digits of [0, 1]) {
          const [a, b] = [size, maxBytes].map((bytes) => `${(bytes / 1048576).toFixed(digits)} MB`);
          if (a !== b) return [a, b];
        }
        return [size, maxBytes].map((bytes) => `${bytes.toLocaleString("en-GB")} bytes`);
      };
      if (oversized()) {
        const [size, limit] = sizes(file.files[0].size);
        tooBig.textContent = `The file is ${size}, more than the ${limit} allowed. Export it at a lower quality (for example MP3 at 64 kbps) and choose it again.`;
      }
    });
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
    const showMissing = (problems) => {
      const list = summary.querySelector("ul");
      list.replaceChildren(...problems.map(({ id, message }) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#${id}`;
        link.textContent = message;
        item.append(link);
        return item;
      }));
      // The title is written here, so a page without a problem never carries the words.
      summary.querySelector(".govuk-error-summary__title").textContent = "There is a problem";
      summary.hidden = false;
      summary.focus();
    };
    // On the button's click, before GOV.UK Frontend's double-click guard sees it: a refused click
    // must not make the guard swallow the next one. (Enter in a field clicks the button too.)
    form.addEventListener("click", (event) => {
      if (!event.target.closest("button[type=submit]")) return;
      const problems = missing();
      if (problems.length) {
        event.preventDefault();
        event.stopPropagation();
        showMissing(problems);
      }
    }, true);
    // A second click while a large file uploads would send it again.
    form.addEventListener("submit", (event) => {
      const problems = missing();
      if (problems.length) { event.preventDefault(); showMissing(problems); return; }
      summary.hidden = true;
      if (oversized()) { event.preventDefault(); file.focus(); return; }
      const button = form.querySelector("[data-prevent-double-click]");
      setTimeout(() => { button.disabled = true; button.textContent = "Uploading…"; }, 0);
    });
  })();
