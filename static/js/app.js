// Behaviour for every page. The Content-Security-Policy forbids inline scripts and onclick
// attributes, so buttons declare what they do with data-* attributes handled here.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A form with data-confirm asks before it is sent (e.g. removing a person from the queue).
document.addEventListener("submit", function (event) {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
