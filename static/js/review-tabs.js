// The review page's "Transcript" and "Assessment" tabs (GOV.UK Frontend's Tabs): tabs only
// between GOV.UK's tablet breakpoint and 60em (960 px), where the two do not fit side by side.
// Wider, both show at once and the tabs are taken down; on phones GOV.UK stacks the two panels
// under a list of links, as it does everywhere.
import { Tabs } from "../govuk/govuk-frontend.min.js";

const NARROW = window.matchMedia("(width <= 60em)");

class ReviewTabs extends Tabs {
  static moduleName = "app-review-tabs";

  // GOV.UK's own check asks only "tablet or wider?"; the review page also asks "narrow?".
  checkMode() {
    const wanted = Boolean(this.mql && this.mql.matches && NARROW.matches);
    if (wanted === this.active) return;
    this.active = wanted;
    if (wanted) this.setup();
    else this.teardown();
  }
}

document.querySelectorAll("[data-module=app-review-tabs]").forEach((element) => {
  const tabs = new ReviewTabs(element);
  NARROW.addEventListener("change", () => tabs.checkMode());
});
