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
    // A second click while a large file uploads would send it again.
    form.addEventListener("submit", (event) => {
      if (oversized()) { event.preventDefault(); file.focus(); return; }
      const button = form.querySelector("[data-prevent-double-click]");
      setTimeout(() => { button.disabled = true; button.textContent = "Uploading…"; }, 0);
    });
  })();
