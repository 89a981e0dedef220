// Run first, before the page is drawn: GOV.UK Frontend styles its components for JavaScript
// only once the body says it can run them (browsers with ES modules).
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) document.body.classList.add("govuk-frontend-supported");
