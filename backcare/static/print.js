// Progressive enhancement: the print button only appears when JavaScript can print.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
// The error summary takes focus so screen readers announce it at once.
var summary = document.querySelector("[data-error-summary]");
if (summary) { summary.focus(); }
