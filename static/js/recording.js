"use strict";
  // Polls the status endpoint while the recording is processed; swaps in the finished page.
  (() => {
    const seekTo = (event) => {
      const button = event.target.closest("[data-seek]");
      const player = document.getElementById("player");
      if (button && player) { player.currentTime = Number(button.dataset.seek); player.play(); }
    };
    document.addEventListener("click", seekTo);
    const section = document.getElementById("processing");
    if (!section || section.dataset.finished === "true") return;
    const update = (data) => {
      section.querySelector("[data-field=status_label]").textContent = data.status_label;
      const notice = section.querySelector("[data-field=notice]");
      if (notice) { notice.textContent = data.notice; notice.hidden = !data.notice; }
      const bar = section.querySelector("[data-field=progress]");
      if (bar) {
        bar.value = Math.round(data.progress * 100);
        bar.textContent = `${bar.value}%`;
      }
      section.querySelectorAll("[data-stage]").forEach((item) => {
        if (item.dataset.stage === data.stage) item.setAttribute("aria-current", "step");
        else item.removeAttribute("aria-current");
      });
    };
    const refreshBody = async () => {
      const html = await (await fetch(window.location.href, { credentials: "same-origin" })).text();
      const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("recording-body");
      document.getElementById("recording-body").replaceWith(fresh);
    };
    const poll = async () => {
      try {
        const response = await fetch(section.dataset.statusUrl, { credentials: "same-origin" });
        if (response.ok) {
          const data = await response.json();
          update(data);
          if (data.finished) { await refreshBody(); return; }
        }
      } catch (error) { /* offline for a moment: try again */ }
      setTimeout(poll, 2000);
    };
    setTimeout(poll, 2000);
  })();
