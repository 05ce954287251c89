// Inside a clinic's portal (backcare/embedding.py): tell the parent window how tall the page is,
// whenever that changes, and on the result page send it the assessment. Every message goes to
// the portal's origin alone (data-origin), never "*": framed anywhere else, nothing arrives.
(function () {
  var origin = document.currentScript && document.currentScript.getAttribute("data-origin");
  if (!origin || window.parent === window) { return; }
  function post(message) { window.parent.postMessage(message, origin); }
  var sent = 0;
  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== sent) {
      sent = height;
      post({type: "backcare.height", height: height});
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    postHeight();
    var data = document.getElementById("backcare-assessment");
    if (data) { post(JSON.parse(data.textContent)); }
    if (window.ResizeObserver) { new ResizeObserver(postHeight).observe(document.documentElement); }
  });
  window.addEventListener("load", postHeight);
  window.addEventListener("resize", postHeight);
}());
