// Behaviour for every page. The Content-Security-Policy forbids inline scripts and onclick
// attributes, so buttons declare what they do with data-* attributes handled here.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
