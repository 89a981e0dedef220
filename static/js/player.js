// The review and feedback pages' player (templates/reviews/includes/player.html): speed, skips
// and keyboard shortcuts; "play this moment" that stops at the moment's end; the transcript line
// and word being spoken marked; search in the transcript; a waveform (wavesurfer.js, when its
// script is on the page) with the evidence and the comments on it. Without JavaScript the audio
// element keeps its own controls and the links still go to the line.
(() => {
  // Read while this script first runs: later, document.currentScript is someone else's.
  const nonce = document.currentScript ? document.currentScript.nonce : "";
  const audio = document.getElementById("player");
  const root = document.querySelector("[data-module=app-player]");
  const findLines = () => Array.from(document.querySelectorAll(".transcript-line[data-start]"));
  let lines = findLines();
  // corrections.js replaces, adds and removes lines without a reload.
  document.addEventListener("transcript:changed", () => { lines = findLines(); });
  const factsTag = document.getElementById("player-data");
  const facts = factsTag ? JSON.parse(factsTag.textContent) : { lines: {} };
  const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
  const SKIP_SECONDS = 10;
  // The CSS Custom Highlight API marks words without touching the transcript's markup, which
  // other scripts edit (speaker and word corrections). Browsers without it mark the line only.
  const highlights = window.CSS && CSS.highlights && window.Highlight ? CSS.highlights : null;

  const timecode = (seconds) => {
    const whole = Math.max(0, Math.floor(seconds || 0));
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const secs = String(whole % 60).padStart(2, "0");
    return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
  };
  const lineById = (index) => document.getElementById(`line-${index}`);
  const lineEnd = (index) => {
    const line = lineById(index);
    if (line && line.dataset.end) return Number(line.dataset.end);
    const known = facts.lines && facts.lines[index];
    return known ? known[1] : null;
  };
  // Brings a line into view. In a tab that is not showing (GOV.UK tabs, narrow screens) it stays
  // there, so a moment played from the assessment leaves the form in place, unless asked to
  // show its tab (search, which is about the transcript).
  const showLine = (line, showTab = false) => {
    if (!line) return;
    const panel = line.closest(".govuk-tabs__panel--hidden");
    if (panel && !showTab) return;
    if (panel) {
      const tab = document.querySelector(`a.govuk-tabs__tab[href="#${panel.id}"]`);
      if (tab) tab.click();
    }
    line.scrollIntoView({ block: "nearest" });
  };

  // ------------------------------------------------------------ playing, and stopping at an end
  let stopAt = null;
  const play = () => {
    if (audio) audio.play().catch(() => { /* autoplay refused: the position is still set */ });
  };
  const playFrom = (seconds, line, showTab = false) => {
    if (!audio) return;
    stopAt = null;
    audio.currentTime = seconds;
    play();
    showLine(line, showTab);
  };
  // "Play this moment": from its start to its end, then pause (plain play goes on).
  const playMoment = (start, end, line) => {
    if (!audio) return;
    playFrom(start, line);
    stopAt = end !== null && end > start ? end : null;
  };
  const checkStop = () => {
    if (stopAt !== null && audio.currentTime >= stopAt) {
      stopAt = null;
      audio.pause();
    }
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-seek]");
    if (link && audio) {
      event.preventDefault();
      const index = link.dataset.line;
      const end = link.dataset.end ? Number(link.dataset.end) : lineEnd(index);
      playMoment(Number(link.dataset.seek), end, lineById(index));
      return;
    }
    // A click on a line's text plays on from there; its buttons, forms and comment keep theirs.
    const line = event.target.closest(".transcript-line");
    if (line && !event.target.closest("button, a, form, details, textarea, select, input, [contenteditable]")) {
      playFrom(Number(line.dataset.start), line);
    }
  });

  if (!audio) return;

  // ------------------------------------------------------------ the line and the word being spoken
  // Each line's text, and where in it each of its timed words is (data-words: [start, end, word]).
  const textOf = (line) => line.querySelector(".transcript-line__text") || line;
  const textIndex = (element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".govuk-tag, .govuk-visually-hidden")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    let text = "";
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, from: text.length });
      text += walker.currentNode.data;
    }
    return { text, nodes };
  };
  const rangeIn = ({ nodes }, from, to) => {
    const at = (offset, isEnd) => {
      const found = nodes.find(({ node, from: start }) =>
        offset >= start && (isEnd ? offset <= start + node.data.length : offset < start + node.data.length));
      return found ? [found.node, offset - found.from] : null;
    };
    const start = at(from, false);
    const end = at(to, true);
    if (!start || !end) return null;
    const range = new Range();
    range.setStart(...start);
    range.setEnd(...end);
    return range;
  };
  const wordCache = new WeakMap();
  const wordsOf = (line) => {
    const index = textIndex(textOf(line));
    const cached = wordCache.get(line);
    if (cached && cached.text === index.text) return cached;
    const lower = index.text.toLowerCase();
    const words = [];
    let cursor = 0;
    JSON.parse(line.dataset.words || "[]").forEach(([start, end, word]) => {
      const at = word ? lower.indexOf(word.toLowerCase(), cursor) : -1;
      if (at < 0) return; // a word corrected since: the line stays marked, the word is not
      words.push({ start, end, from: at, to: at + word.length });
      cursor = at + word.length;
    });
    const entry = { text: index.text, index, words };
    wordCache.set(line, entry);
    return entry;
  };

  let playingLine = null;
  let markedWord = null;
  const markWord = (now) => {
    if (!highlights) return;
    let found = null;
    if (playingLine) {
      const entry = wordsOf(playingLine);
      const word = entry.words.filter((w) => w.start <= now + 0.05).pop();
      if (word && now < word.end + 0.5) found = { entry, word };
    }
    const key = found ? `${playingLine.id}:${found.word.from}` : null;
    if (key === markedWord) return;
    markedWord = key;
    const range = found && rangeIn(found.entry.index, found.word.from, found.word.to);
    if (range) highlights.set("player-word", new Highlight(range));
    else highlights.delete("player-word");
  };
  const follow = () => {
    const now = audio.currentTime;
    const current = lines.find((line) => now >= Number(line.dataset.start) && now < Number(line.dataset.end)) || null;
    if (current !== playingLine) {
      if (playingLine) playingLine.classList.remove("transcript-line--playing");
      if (current) current.classList.add("transcript-line--playing");
      playingLine = current;
    }
    markWord(now);
  };

  // ------------------------------------------------------------ controls
  const controls = root ? Array.from(root.querySelectorAll("[data-player-controls]")) : [];
  const toggleButton = root && root.querySelector("[data-player-action=toggle]");
  const timeLabel = root && root.querySelector("[data-player-time]");
  const speedButtons = root ? Array.from(root.querySelectorAll("[data-player-speed]")) : [];
  // A phone's one list of the speeds, shown instead of the buttons (reviews.css).
  const speedChoice = root && root.querySelector("[data-player-speed-choice]");
  const duration = () => (Number.isFinite(audio.duration) && audio.duration) || facts.duration || 0;

  const toggle = () => {
    stopAt = null;
    if (audio.paused) play();
    else audio.pause();
  };
  const skip = (seconds) => {
    stopAt = null;
    audio.currentTime = Math.min(Math.max(audio.currentTime + seconds, 0), duration() || Infinity);
  };
  const setSpeed = (rate) => {
    audio.playbackRate = rate;
  };
  // The listed speed nearest the audio's: the browser's own controls can set any rate.
  const nearestSpeed = () => SPEEDS.reduce((best, speed, index) =>
    (Math.abs(speed - audio.playbackRate) < Math.abs(SPEEDS[best] - audio.playbackRate) ? index : best), 0);
  const stepSpeed = (step) => {
    setSpeed(SPEEDS[Math.min(Math.max(nearestSpeed() + step, 0), SPEEDS.length - 1)]);
  };
  const showSpeed = () => {
    speedButtons.forEach((button) => {
      button.setAttribute("aria-pressed", String(Number(button.dataset.playerSpeed) === audio.playbackRate));
    });
    // A select cannot show a value it has no option for (it went blank): it shows the nearest.
    if (speedChoice) speedChoice.value = String(SPEEDS[nearestSpeed()]);
  };
  const showTime = () => {
    if (timeLabel) timeLabel.textContent = `${timecode(audio.currentTime)} / ${timecode(duration())}`;
  };
  const showPlaying = () => {
    if (toggleButton) toggleButton.textContent = audio.paused ? "Play" : "Pause";
  };

  // While playing: every frame, so a moment stops at its end and the word mark keeps up.
  const tick = () => {
    checkStop();
    follow();
    showTime();
    if (!audio.paused) requestAnimationFrame(tick);
  };
  audio.addEventListener("play", () => {
    showPlaying();
    requestAnimationFrame(tick);
  });
  audio.addEventListener("pause", showPlaying);
  // "seeked" as well as "timeupdate": a jump to a moment shows its line at once, even paused.
  ["timeupdate", "seeked"].forEach((name) => audio.addEventListener(name, () => {
    checkStop();
    follow();
    showTime();
  }));
  ["loadedmetadata", "durationchange"].forEach((name) => audio.addEventListener(name, showTime));
  audio.addEventListener("ratechange", showSpeed);

  if (root) {
    root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-player-action]");
      if (action) {
        const act = action.dataset.playerAction;
        if (act === "toggle") toggle();
        else skip(act === "back" ? -SKIP_SECONDS : SKIP_SECONDS);
      }
      const speed = event.target.closest("[data-player-speed]");
      if (speed) setSpeed(Number(speed.dataset.playerSpeed));
    });
    if (speedChoice) speedChoice.addEventListener("change", () => setSpeed(Number(speedChoice.value)));
    controls.forEach((element) => { element.hidden = false; });
    showTime();
    showSpeed();
    // The page keeps what the sticky player covers out from under it (scroll-padding).
    const measure = () => document.documentElement.style.setProperty("--app-player-height", `${root.offsetHeight}px`);
    new ResizeObserver(measure).observe(root);
  }

  // ------------------------------------------------------------ search in the transcript
  const searchBox = document.getElementById("transcript-search");
  let matches = [];
  let currentMatch = -1;
  const searchStatus = document.getElementById("transcript-search-status");
  const paintMatches = (reveal) => {
    const query = searchBox.value.trim();
    lines.forEach((line) => line.classList.remove("transcript-line--match", "transcript-line--current-match"));
    matches.forEach(({ line }) => line.classList.add("transcript-line--match"));
    const current = matches[currentMatch];
    if (current) current.line.classList.add("transcript-line--current-match");
    searchStatus.textContent = !query ? "" : matches.length ? `${currentMatch + 1} of ${matches.length}` : "No matches";
    if (highlights) {
      const ranges = matches.map(({ range }) => range).filter(Boolean);
      if (ranges.length) highlights.set("player-search", new Highlight(...ranges));
      else highlights.delete("player-search");
      if (current && current.range) highlights.set("player-search-current", new Highlight(current.range));
      else highlights.delete("player-search-current");
    }
    if (reveal && current) showLine(current.line, true);
  };
  const search = () => {
    const query = searchBox.value.trim().toLowerCase();
    matches = [];
    if (query) {
      lines.forEach((line) => {
        const index = textIndex(textOf(line));
        const lower = index.text.toLowerCase();
        for (let at = lower.indexOf(query); at >= 0; at = lower.indexOf(query, at + query.length)) {
          matches.push({ line, from: at, range: rangeIn(index, at, at + query.length) });
        }
      });
    }
    currentMatch = matches.length ? 0 : -1;
    paintMatches(true);
  };
  const stepMatch = (step) => {
    if (!matches.length) return;
    currentMatch = (currentMatch + step + matches.length) % matches.length;
    paintMatches(true);
  };
  // From the word the match is in, when the line's words are timed; else from the line's start.
  const playMatch = () => {
    const match = matches[currentMatch];
    if (!match) return;
    const word = wordsOf(match.line).words.filter((w) => w.from <= match.from).pop();
    playFrom(word ? word.start : Number(match.line.dataset.start), match.line, true);
  };
  if (searchBox && lines.length) {
    searchBox.closest("[data-player-search]").hidden = false;
    searchBox.addEventListener("input", search);
    searchBox.addEventListener("keydown", (event) => {
      if (event.key === "Enter") playMatch();
      else if (event.key === "ArrowDown") stepMatch(1);
      else if (event.key === "ArrowUp") stepMatch(-1);
      else return;
      event.preventDefault();
    });
    root.addEventListener("click", (event) => {
      const step = event.target.closest("[data-player-match]");
      if (step) stepMatch(Number(step.dataset.playerMatch));
    });
  }

  // ------------------------------------------------------------ keyboard shortcuts
  // Never while typing (a text box, a list, an editable transcript line); Space only where it
  // would not press a focused button or link.
  const typing = (element) => element instanceof Element
    && (element.isContentEditable || element.closest("input, textarea, select, [contenteditable]"));
  const pressable = (element) => element instanceof Element
    && element.closest("button, a[href], summary, audio, label, [role=button], [role=tab], [tabindex]:not([tabindex='-1'])");
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    switch (event.key) {
      case " ":
        if (pressable(event.target)) return;
        toggle();
        break;
      case "k": toggle(); break;
      case "j": skip(-SKIP_SECONDS); break;
      case "l": skip(SKIP_SECONDS); break;
      case "<": stepSpeed(-1); break;
      case ">": stepSpeed(1); break;
      case "/":
        if (!searchBox || !lines.length) return;
        searchBox.focus();
        break;
      default: return;
    }
    event.preventDefault();
  });

  // ------------------------------------------------------------ the waveform and its moments
  const waveform = document.getElementById("player-waveform");
  if (!waveform || !window.WaveSurfer || !window.WaveSurfer.Regions) return;
  const regions = window.WaveSurfer.Regions.create();
  const options = {
    container: waveform,
    media: audio,
    height: 40,
    waveColor: "#b1b4b6",
    progressColor: "#1d70b8",
    cursorColor: "#0b0c0c",
    cursorWidth: 2,
    barWidth: 2,
    barGap: 1,
    normalize: true,
    cspNonce: nonce,
    plugins: [regions],
  };
  if (facts.peaks && facts.duration) {
    Object.assign(options, { peaks: facts.peaks, duration: facts.duration });
  } else if (!facts.decodeWaveform && facts.duration) {
    // Too long to decode here: a flat line, still a timeline for the moments.
    Object.assign(options, { peaks: [[0, 0]], duration: facts.duration });
  }
  waveform.hidden = false;
  const wavesurfer = window.WaveSurfer.create(options);
  // The waveform is the position bar now: the browser's own controls would say it all twice.
  audio.controls = false;

  const COLOURS = { evidence: "rgba(0, 112, 60, 0.3)", moment: "rgba(29, 112, 184, 0.3)", comment: "#d4351c" };
  const added = new Set();
  // Where the keyboard's [ and ] stop playing each region: its end, or for a comment's marker
  // the end of its line.
  const playsTo = new Map();
  const addRegion = (kind, start, end, id, until = null) => {
    const key = `${kind}:${id}`;
    if (added.has(key) || !Number.isFinite(start)) return;
    added.add(key);
    regions.addRegion({ id: key, start, end: end || start, color: COLOURS[kind], drag: false, resize: false });
    playsTo.set(key, end || until);
  };
  // Comments: a marker at each one's moment (templates/reviews/includes/comment.html).
  const markComments = () => {
    document.querySelectorAll("[data-testid=comment-play][data-seek]").forEach((element) => {
      addRegion("comment", Number(element.dataset.seek), null, element.dataset.seek, lineEnd(element.dataset.line));
    });
  };
  const markAll = () => {
    // The evidence (review page) and the feedback's moments (feedback page): regions to play.
    document.querySelectorAll("[data-seek][data-testid=evidence-link], [data-seek][data-testid=moment]").forEach((link) => {
      const kind = link.dataset.testid === "evidence-link" ? "evidence" : "moment";
      const start = Number(link.dataset.seek);
      addRegion(kind, start, link.dataset.end ? Number(link.dataset.end) : lineEnd(link.dataset.line), `${start}`);
    });
    markComments();
    // Comments are added without a page load (static/js/comments.js).
    new MutationObserver(markComments).observe(document.body, { childList: true, subtree: true });
  };
  // Regions need the length: added before it is known, they would all sit at the start.
  if (wavesurfer.getDuration()) markAll();
  else wavesurfer.once("ready", markAll);
  regions.on("region-clicked", (region, event) => {
    event.stopPropagation(); // the region plays; the waveform under it does not seek as well
    playMoment(region.start, region.end > region.start ? region.end : null, null);
  });

  // ------------------------------------------------------------ the waveform from the keyboard
  // A slider (WAI-ARIA's pattern): Tab reaches it, its value is the position in m:ss; Left and
  // Right (Down and Up) seek 5 s, Home and End go to the start and the end, Space plays or
  // pauses. Anywhere but a text box, [ and ] go to the previous and next marked moment
  // (evidence, a feedback moment, a comment) and play it to its end.
  const SEEK_SECONDS = 5;
  const KINDS = { evidence: "Evidence", moment: "Feedback moment", comment: "Comment" };
  waveform.removeAttribute("aria-hidden");
  waveform.setAttribute("role", "slider");
  waveform.setAttribute("tabindex", "0");
  waveform.setAttribute("aria-label", "Position in the recording");
  waveform.setAttribute("aria-valuemin", "0");
  const said = document.createElement("p");
  said.className = "govuk-visually-hidden";
  said.setAttribute("aria-live", "polite");
  said.dataset.testid = "waveform-status";
  waveform.after(said);
  // Their shortcuts are listed only where there is a waveform to use them on.
  (root || document).querySelectorAll("[data-player-waveform-keys]").forEach((row) => { row.hidden = false; });
  const showPosition = () => {
    const end = duration();
    const now = Math.min(audio.currentTime, end || audio.currentTime);
    waveform.setAttribute("aria-valuemax", String(Math.floor(end)));
    waveform.setAttribute("aria-valuenow", String(Math.floor(now)));
    waveform.setAttribute("aria-valuetext", `${timecode(now)} of ${timecode(end)}`);
  };
  ["timeupdate", "seeked", "loadedmetadata", "durationchange"].forEach((name) => audio.addEventListener(name, showPosition));
  showPosition();
  const seekTo = (seconds) => {
    stopAt = null;
    audio.currentTime = Math.min(Math.max(seconds, 0), duration() || Infinity);
    showPosition();
  };
  waveform.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "ArrowLeft": case "ArrowDown": seekTo(audio.currentTime - SEEK_SECONDS); break;
      case "ArrowRight": case "ArrowUp": seekTo(audio.currentTime + SEEK_SECONDS); break;
      case "Home": seekTo(0); break;
      case "End": seekTo(duration()); break;
      case " ": toggle(); break;
      default: return;
    }
    event.preventDefault();
  });

  // From the position, ] finds the first region starting here or later and [ the last starting
  // before; but while the position is still in the region last reached by [ or ], the step goes
  // on from that one (a region played to its end is not found again).
  let reached = null;
  const stepRegion = (step) => {
    const ordered = regions.getRegions().slice().sort((a, b) => a.start - b.start || a.end - b.end);
    if (!ordered.length) return;
    const now = audio.currentTime;
    const within = reached && ordered.includes(reached)
      && now >= reached.start - 0.05 && now <= Math.max(reached.end, playsTo.get(reached.id) || 0) + 0.5;
    const target = within
      ? ordered[ordered.indexOf(reached) + step]
      : (step > 0 ? ordered.find((region) => region !== reached && region.start >= now - 0.05)
        : ordered.filter((region) => region.start < now - 0.05).pop());
    if (!target) {
      said.textContent = step > 0 ? "No marked moment after this one." : "No marked moment before this one.";
      return;
    }
    reached = target;
    const until = playsTo.get(target.id);
    said.textContent = `${KINDS[target.id.split(":")[0]] || "Moment"} at ${timecode(target.start)}`;
    playMoment(target.start, until && until > target.start ? until : null, null);
  };
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    if (event.key !== "[" && event.key !== "]") return;
    stepRegion(event.key === "]" ? 1 : -1);
    event.preventDefault();
  });
})();
