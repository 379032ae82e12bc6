// Adds a member card to a Django formset: clones the empty form and bumps TOTAL_FORMS.
(function () {
  const button = document.getElementById("add-member");
  if (!button) return;
  button.addEventListener("click", function () {
    const prefix = button.dataset.prefix;
    const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    const index = parseInt(total.value, 10);
    const html = document.getElementById("member-template").innerHTML.replace(/__prefix__/g, index);
    document.getElementById("members").insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    const first = document.getElementById("id_" + prefix + "-" + index + "-nama");
    if (first) first.focus();
  });
})();
