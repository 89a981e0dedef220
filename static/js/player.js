// The review and feedback pages' player: moments play in the audio player and the transcript
// follows the audio. Without JavaScript the links still go to the line.
(() => {
  const player = document.getElementById("player");
  const findLines = () => Array.from(document.querySelectorAll(".transcript-line[data-start]"));
  let lines = findLines();
  // corrections.js replaces, adds and removes lines without a reload.
  document.addEventListener("transcript:changed", () => { lines = findLines(); });

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
})();
