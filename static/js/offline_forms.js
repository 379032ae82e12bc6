// The meja forms on the phone, built from the field descriptions of the day's download (read by
// the server from its own forms). The checks here are the server's messages for impossible
// values and empty tables, so the kader sees them at once; the server checks everything again
// when the records are synced, and its messages win.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function numberText(value) { return String(value).replace(".", ","); }

  function parseNumber(text) {
    const clean = String(text).trim().replace(",", ".");
    return /^-?\d+(\.\d+)?$/.test(clean) ? parseFloat(clean) : NaN;
  }

  function input(spec, value) {
    const id = "f-" + spec.f;
    if (spec.k === "m") {
      const box = el("div", { id: id, "data-field": spec.f, "data-kind": "m" });
      spec.ch.forEach(function (choice) {
        const label = el("label", { class: "form-check d-flex align-items-center gap-2 tap" });
        const check = el("input", { type: "checkbox", class: "form-check-input", value: choice[0] });
        check.checked = (value || []).indexOf(choice[0]) >= 0;
        label.append(check, el("span", {}, choice[1]));
        box.append(label);
      });
      return box;
    }
    if (spec.k === "c") {
      const select = el("select", { id: id, class: "form-select", "data-field": spec.f, "data-kind": "c" });
      spec.ch.forEach(function (choice) {
        const option = el("option", { value: choice[0] }, choice[1]);
        option.selected = String(value === undefined ? "" : value) === choice[0];
        select.append(option);
      });
      return select;
    }
    if (spec.k === "b") {
      const check = el("input", { id: id, type: "checkbox", class: "form-check-input", "data-field": spec.f,
                                   "data-kind": "b" });
      check.checked = value === true || value === "on";
      return check;
    }
    const attrs = { id: id, class: "form-control", "data-field": spec.f, "data-kind": spec.k, autocomplete: "off" };
    if (spec.k === "n") { attrs.inputmode = "decimal"; }
    const box = el(spec.f === "catatan" ? "textarea" : "input", attrs);
    box.value = value === undefined || value === null ? "" : value;
    return box;
  }

  function render(container, fields, values, errors) {
    container.replaceChildren();
    (errors.__all__ || []).forEach(function (message) {
      container.append(el("div", { class: "alert alert-danger", role: "alert" }, message));
    });
    fields.forEach(function (spec) {
      const group = el("div", { class: "mb-3" });
      const label = el("label", { class: "form-label fw-semibold", for: "f-" + spec.f }, spec.l);
      const field = input(spec, values[spec.f]);
      if (spec.k === "b") {
        const row = el("div", { class: "form-check d-flex align-items-center gap-2 tap" });
        label.classList.remove("form-label");
        row.append(field, label);
        group.append(row);
      } else {
        group.append(label, field);
      }
      (errors[spec.f] || []).forEach(function (message) {
        if (field.classList) { field.classList.add("is-invalid"); }
        group.append(el("div", { class: "invalid-feedback d-block" }, message));
      });
      container.append(group);
    });
  }

  function collect(container) {
    const values = {};
    container.querySelectorAll("[data-field]").forEach(function (node) {
      const kind = node.dataset.kind;
      if (kind === "m") {
        values[node.dataset.field] = Array.from(node.querySelectorAll("input:checked")).map(function (c) {
          return c.value;
        });
      } else if (kind === "b") {
        values[node.dataset.field] = node.checked;
      } else {
        values[node.dataset.field] = node.value;
      }
    });
    return values;
  }

  function labelOf(spec) { return spec.l.replace(/ \([^)]*\)$/, ""); }

  // The server's MeasurementForm.clean(), for the phone.
  function validate(meja, fields, values) {
    const errors = {};
    let measured = false;
    fields.forEach(function (spec) {
      const text = values[spec.f];
      if (spec.k !== "n" || text === undefined || String(text).trim() === "") { return; }
      const value = parseNumber(text);
      if (isNaN(value)) {
        errors[spec.f] = ["Masukkan angka."];
        return;
      }
      if (spec.f !== "cara_ukur") { measured = true; }
      if (spec.lo !== undefined && (value < spec.lo || value > spec.hi)) {
        errors[spec.f] = [labelOf(spec) + " " + numberText(value) + " " + spec.u + " tidak mungkin; periksa lagi " +
          "(batas " + numberText(spec.lo) + "–" + numberText(spec.hi) + " " + spec.u + ")."];
      }
    });
    if (meja === 2 && !Object.keys(errors).length && !measured) {
      errors.__all__ = ["Isi paling sedikit satu ukuran; meja 2 tanpa ukuran tidak disimpan."];
    }
    const sistol = parseNumber(values.sistol || "");
    const diastol = parseNumber(values.diastol || "");
    if (meja === 2 && isNaN(sistol) !== isNaN(diastol)) {
      errors[isNaN(diastol) ? "diastol" : "sistol"] = ["Isi sistol dan diastol bersama."];
    } else if (meja === 2 && !isNaN(sistol) && sistol <= diastol) {
      errors.sistol = ["Sistol harus lebih besar dari diastol."];
    }
    return errors;
  }

  window.OfflineForms = { el: el, render: render, collect: collect, validate: validate, parseNumber: parseNumber };
})();
