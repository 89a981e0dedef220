// Every page: start GOV.UK Frontend's components, and the service's own small behaviours.
// Progressive enhancement only: every page works without JavaScript.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// "Print" buttons (data-module="app-print"): no inline onclick, which the CSP would block.
document.querySelectorAll("[data-module=app-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Tables that reflow on narrow screens (class app-table--stack): each cell is labelled with its
// column's heading, which the stylesheet shows beside the value when the rows stack.
document.querySelectorAll("table.app-table--stack").forEach((table) => {
  const headings = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.trim());
  table.querySelectorAll("tbody tr").forEach((row) => {
    Array.from(row.children).forEach((cell, index) => {
      if (headings[index] && cell.colSpan === 1) cell.dataset.label = headings[index];
    });
  });
});
