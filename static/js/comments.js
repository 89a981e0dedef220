// Comments at moments and the replies on them, without a page reload. "Comment at the current
// moment" reads the player; a line's "Comment" takes that line; words selected in a line offer
// "Comment on the selected words", which keeps them as a quote. Comments and replies are posted
// with fetch and the server's HTML for them is inserted; on an error the text stays as typed and
// GOV.UK's error message says what to do. Without JavaScript the forms post as usual.
(() => {
  const player = document.getElementById("player");
  const lines = Array.from(document.querySelectorAll(".transcript-line[data-start]"));

  const timecode = (seconds) => {
    const whole = Math.floor(seconds);
    const [hours, minutes, secs] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
    const pad = (n) => String(n).padStart(2, "0");
    return hours ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${minutes}:${pad(secs)}`;
  };
  const lineAt = (moment) => lines.reduce(
    (found, line) => (Math.floor(Number(line.dataset.start)) <= moment ? line : found), lines[0]);
  const words = (line) => {
    const text = line && line.querySelector(".transcript-line__text");
    return text ? text.textContent.trim() : "";
  };

  // ------------------------------------------------------------ posting and errors
  const errorMessage = (text) => {
    const message = document.createElement("p");
    message.className = "govuk-error-message";
    message.dataset.testid = "form-error";
    const hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = "Error:";
    message.append(hidden, ` ${text}`);
    return message;
  };
  const fromHtml = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  };
  // The form's fields read the message out with them (aria-describedby), as GOV.UK's error
  // message pattern asks: the message may be about any of them.
  let errorCount = 0;
  const fieldsOf = (form) => [...form.querySelectorAll("textarea, input:not([type=hidden])")];
  const describedBy = (field) => (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  const unlinkError = (form) => {
    const old = form.querySelector("[data-form-error] .govuk-error-message");
    if (!old || !old.id) return;
    fieldsOf(form).forEach((field) => {
      const ids = describedBy(field).filter((id) => id !== old.id);
      if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
      else field.removeAttribute("aria-describedby");
    });
  };
  const showError = (form, message) => {
    const slot = form.querySelector("[data-form-error]");
    if (!slot) return;
    unlinkError(form);
    if (message.classList.contains("govuk-error-message")) {
      errorCount += 1;
      if (!message.id) message.id = `${form.id || "conversation"}-error-${errorCount}`;
      fieldsOf(form).forEach((field) => {
        field.setAttribute("aria-describedby", [...describedBy(field), message.id].join(" "));
      });
    }
    slot.replaceChildren(message);
    const group = slot.closest(".govuk-form-group");
    if (group) group.classList.add("govuk-form-group--error");
  };
  const clearError = (form) => {
    const slot = form.querySelector("[data-form-error]");
    if (!slot) return;
    unlinkError(form);
    slot.replaceChildren();
    const group = slot.closest(".govuk-form-group");
    if (group) group.classList.remove("govuk-form-group--error");
  };
  const busy = new WeakSet();
  const send = async (form, saved) => {
    if (busy.has(form)) return;
    busy.add(form);
    const button = form.querySelector("[type=submit]");
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const html = await response.text();
      if (response.status === 201) {
        clearError(form);
        saved(fromHtml(html));
      } else if (response.status === 400) {
        showError(form, fromHtml(html) || errorMessage("Check what you wrote and try again."));
      } else {
        showError(form, errorMessage("It could not be saved. Your text is kept: try again, or reload the page."));
      }
    } catch (error) {
      showError(form, errorMessage("The site could not be reached. Your text is kept: try again."));
    } finally {
      busy.delete(form);
      if (button) button.disabled = false;
    }
  };

  // ------------------------------------------------------------ the comment form
  const form = document.querySelector("[data-comment-form]");
  const list = document.querySelector("[data-comment-list]");
  if (form && list) {
    const { moment, line, quote, text } = form.elements;
    const target = form.querySelector("[data-comment-target]");
    const aim = (seconds, chosen, selected) => {
      moment.value = timecode(seconds);
      line.value = chosen ? chosen.id.replace("line-", "") : "";
      quote.value = selected || "";
      const shown = chosen || lineAt(seconds);
      target.textContent = selected
        ? `On the words “${selected}” at ${timecode(seconds)}.`
        : `At ${timecode(seconds)}: “${words(shown)}”.`;
      form.scrollIntoView({ block: "nearest" });
      text.focus({ preventScroll: true });
    };
    // Typing another time by hand: the line and words picked before no longer apply.
    moment.addEventListener("input", () => {
      line.value = "";
      quote.value = "";
      target.textContent = "";
    });

    const now = form.querySelector("[data-comment-now]");
    if (player && now) {
      now.hidden = false;
      now.addEventListener("click", () => aim(player.currentTime, null, ""));
    }

    let selection = null; // the words last selected inside one line
    document.addEventListener("selectionchange", () => {
      const current = document.getSelection();
      if (!current || current.isCollapsed) return; // keep the offer while its button is pressed
      const within = (node) => {
        const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
        return element ? element.closest(".transcript-line__text") : null;
      };
      const text = within(current.anchorNode);
      const selected = current.toString().trim();
      if (!text || text !== within(current.focusNode) || !selected) return;
      selection = { line: text.closest(".transcript-line"), words: selected };
      document.querySelectorAll("[data-comment-words]").forEach((button) => {
        button.hidden = button.closest(".transcript-line") !== selection.line;
      });
    });

    document.addEventListener("click", (event) => {
      const onLine = event.target.closest("[data-comment-line]");
      if (onLine) {
        event.preventDefault();
        const chosen = onLine.closest(".transcript-line");
        aim(Number(onLine.dataset.commentAt), chosen, "");
        return;
      }
      const onWords = event.target.closest("[data-comment-words]");
      if (onWords && selection) {
        event.preventDefault();
        onWords.hidden = true;
        aim(Number(selection.line.dataset.start), selection.line, selection.words);
        selection = null;
      }
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(form, (comment) => {
        const at = Number(comment.dataset.at);
        const later = Array.from(list.children).find((item) => Number(item.dataset.at) > at);
        list.insertBefore(comment, later || null);
        const empty = document.querySelector("[data-comments-empty]");
        if (empty) empty.hidden = true;
        target.textContent = `Comment saved at ${timecode(at)}.`;
        text.value = "";
        moment.value = "";
        line.value = "";
        quote.value = "";
      });
    });
  }

  // ------------------------------------------------------------ replies
  document.addEventListener("submit", (event) => {
    const reply = event.target.closest("form[data-reply-form]");
    if (!reply) return;
    event.preventDefault();
    send(reply, (item) => {
      reply.closest("[data-thread]").querySelector("[data-replies]").append(item);
      reply.elements.text.value = "";
    });
  });
})();
