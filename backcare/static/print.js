// Progressive enhancement: the print button only appears when JavaScript can print.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
// The error summary takes focus so screen readers announce it at once. Its link leads to the
// question's fieldset, so the legend shows; with JavaScript the first choice takes focus too.
var summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
  summary.querySelectorAll("a[href$='-fieldset']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var fieldset = document.getElementById(link.getAttribute("href").slice(1));
      var input = fieldset && fieldset.querySelector("input");
      if (!input) { return; }
      event.preventDefault();
      fieldset.scrollIntoView();
      input.focus({preventScroll: true});
    });
  });
}
