// Buttons marked data-print open the browser's print dialogue (no inline scripts: strict CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
