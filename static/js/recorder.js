// Recording from the microphone (MediaRecorder), for the upload and voice enrolment pages: start,
// stop, the time elapsed, and the take played back before it is sent. The take becomes the file
// of the form's own file input, so it is sent, checked and refused exactly like a chosen file.
// Where the browser cannot record (no MediaRecorder, no microphone, permission refused) a message
// says so and the file input stays the way to send audio.
"use strict";
(() => {
  // Formats the server decodes, in the order browsers record them best: Chromium and Firefox
  // WebM or Ogg with Opus, Safari MP4 with AAC.
  const TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
  const SUFFIXES = [["webm", "webm"], ["ogg", "ogg"], ["mp4", "m4a"], ["aac", "aac"]];
  const NO_RECORDING = "This browser cannot record audio here. Choose a file of the recording instead.";
  const NO_MICROPHONE = "The microphone could not be used: there may be no microphone, or permission to use it was refused. Allow the microphone in the browser's settings and try again, or choose a file of the recording instead.";

  const clock = (seconds) => {
    const whole = Math.floor(seconds);
    const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
    const pad = (n) => String(n).padStart(2, "0");
    return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  };

  const supportedType = () => TYPES.find((type) => MediaRecorder.isTypeSupported(type)) || "";

  const fileName = (type) => {
    const found = SUFFIXES.find(([name]) => type.includes(name));
    return `recording-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "")}.${found ? found[1] : "webm"}`;
  };

  const canRecord = () =>
    typeof window.MediaRecorder === "function" &&
    Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia) &&
    typeof DataTransfer === "function";

  const setUp = (widget) => {
    const input = document.getElementById(widget.dataset.target);
    const unavailable = document.querySelector(`[data-recorder-unavailable="${widget.dataset.target}"]`);
    const startButton = widget.querySelector("[data-recorder-start]");
    const stopButton = widget.querySelector("[data-recorder-stop]");
    const status = widget.querySelector("[data-recorder-status]");
    const elapsed = widget.querySelector("[data-recorder-elapsed]");
    const playback = widget.querySelector("[data-recorder-playback]");
    const maxSeconds = Number(widget.dataset.maxSeconds) || 0;
    if (!input) return;

    const tellUnavailable = (message) => {
      if (!unavailable) return;
      unavailable.textContent = message;
      unavailable.hidden = false;
    };
    if (!canRecord()) {
      tellUnavailable(NO_RECORDING);
      return;
    }
    widget.hidden = false;

    let recorder = null;
    let timer = null;
    let startedAt = 0;
    let playbackUrl = null;
    let wakeLock = null;

    const seconds = () => (performance.now() - startedAt) / 1000;
    const tick = () => {
      elapsed.textContent = clock(seconds());
      if (maxSeconds && seconds() >= maxSeconds) stop();
    };
    const stop = () => {
      if (recorder && recorder.state !== "inactive") recorder.stop();
    };
    // Leaving the page while recording would lose the take: the browser asks first.
    const warnBeforeLeaving = (event) => { event.preventDefault(); event.returnValue = ""; };

    const keep = (chunks, type, length) => {
      const blob = new Blob(chunks, { type });
      const file = new File([blob], fileName(type), { type });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      // The page's own checks (the size limit, required answers) see it as a chosen file.
      input.dispatchEvent(new Event("change", { bubbles: true }));
      if (playbackUrl) URL.revokeObjectURL(playbackUrl);
      playbackUrl = URL.createObjectURL(blob);
      playback.src = playbackUrl;
      playback.hidden = false;
      status.textContent = `Recorded ${clock(length)}. Listen to it below: it is sent when you submit the form. Start recording again to replace it.`;
    };

    const start = async () => {
      startButton.disabled = true;
      if (unavailable) unavailable.hidden = true;
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        startButton.disabled = false;
        tellUnavailable(NO_MICROPHONE);
        return;
      }
      const type = supportedType();
      try {
        recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
      } catch (error) {
        stream.getTracks().forEach((track) => track.stop());
        startButton.disabled = false;
        tellUnavailable(NO_RECORDING);
        return;
      }
      const chunks = [];
      recorder.addEventListener("dataavailable", (event) => {
        if (event.data && event.data.size) chunks.push(event.data);
      });
      recorder.addEventListener("stop", () => {
        const length = seconds();
        clearInterval(timer);
        stream.getTracks().forEach((track) => track.stop());
        window.removeEventListener("beforeunload", warnBeforeLeaving);
        if (wakeLock) wakeLock.release().catch(() => {});
        wakeLock = null;
        keep(chunks, recorder.mimeType || type || "audio/webm", length);
        stopButton.hidden = true;
        startButton.hidden = false;
        startButton.disabled = false;
        startButton.textContent = "Record again";
        startButton.focus();
      });
      // A slice every second: a long session is never one huge buffer in the encoder.
      recorder.start(1000);
      startedAt = performance.now();
      elapsed.textContent = clock(0);
      elapsed.hidden = false;
      playback.hidden = true;
      status.textContent = "Recording:";
      startButton.hidden = true;
      stopButton.hidden = false;
      stopButton.focus();
      timer = setInterval(tick, 250);
      window.addEventListener("beforeunload", warnBeforeLeaving);
      // A phone that locks its screen may stop the recording: keep it awake where allowed.
      if (navigator.wakeLock) {
        navigator.wakeLock.request("screen").then((lock) => {
          // Stopped before the lock came: let it go at once.
          if (recorder && recorder.state === "recording") wakeLock = lock;
          else lock.release().catch(() => {});
        }, () => {});
      }
    };

    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", stop);
    // A file chosen by hand replaces the take.
    input.addEventListener("change", (event) => {
      if (!event.isTrusted) return;
      playback.hidden = true;
      status.textContent = "Not recording.";
    });
  };

  document.querySelectorAll("[data-module=app-recorder]").forEach(setUp);
})();
