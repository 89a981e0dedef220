// Progressive enhancement only: every page works without JavaScript.
document.documentElement.classList.replace("no-js", "js");
document.querySelectorAll("[data-module=error-summary]").forEach((summary) => summary.focus());
