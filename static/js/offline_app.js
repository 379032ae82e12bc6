// The offline app (/offline/): meja 1–5 of today's opening day from the data "Siapkan hari buka"
// put in IndexedDB, everything typed saved at once, records kept in the outbox until synced.
(function () {
  "use strict";
  const S = window.OfflineStore, F = window.OfflineForms, el = F.el;
  const MEJA = { 1: "Pendaftaran", 2: "Penimbangan & pengukuran", 3: "Pencatatan", 4: "Penyuluhan & PMT",
                 5: "Pelayanan kesehatan" };
  const state = { day: null, meta: null, meja: 1, people: [], byId: {}, queue: [], outbox: [], open: null };
  const screen = document.getElementById("screen");

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    const h = Array.from(b, function (x) { return x.toString(16).padStart(2, "0"); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function rows(cols, list) {
    return (list || []).map(function (row) {
      const o = {};
      cols.forEach(function (c, i) { o[c] = row[i]; });
      return o;
    });
  }

  function load() {
    return Promise.all([S.get("kv", "day"), S.get("kv", "meta"), S.get("kv", "baru"), S.get("kv", "antrean"),
                        S.all("outbox")]).then(function (got) {
      state.day = got[0]; state.meta = got[1]; state.outbox = got[4] || [];
      state.people = state.day ? rows(state.day.cols.orang, state.day.orang) : [];
      (got[2] || []).forEach(function (p) { state.people.push(p); });
      state.byId = {};
      state.people.forEach(function (p) { state.byId[String(p.id)] = p; });
      state.queue = (got[3] || []).filter(function (ref) { return state.byId[String(ref)]; });
    });
  }

  // A newcomer registered on the phone: the download's row for the age [days, forms, groups].
  function newcomerRow(p) {
    const days = Math.round((Date.parse(state.day.tanggal) - Date.parse(p.lahir)) / 864e5);
    const rows = state.day.baru[p.hamil && state.day.baru.hamil ? "hamil" : p.jk];
    let chosen = rows[0];
    rows.forEach(function (row) { if (days >= row[0]) { chosen = row; } });
    return chosen;
  }

  function formsOf(p) { return p.form || newcomerRow(p)[1]; }

  // Life-cycle groups, provisional for a newcomer (the server decides on sync).
  function groupsOf(p) { return p.grup || newcomerRow(p)[2] || []; }

  function fieldsOf(p, meja) { return state.day.form[formsOf(p)[{ 2: 0, 4: 1, 5: 2 }[meja]]]; }

  function showStatus() {
    document.getElementById("net-state").textContent = navigator.onLine ? "Ada sinyal" : "Tanpa sinyal";
    const info = document.getElementById("day-state");
    if (!state.day) {
      info.textContent = "Belum disiapkan. Saat ada sinyal, tekan \u201cSiapkan hari buka\u201d.";
    } else {
      const when = new Date(state.day.prepared_at).toLocaleString("id-ID");
      info.textContent = state.day.posyandu.nama + ", hari buka " + state.day.tanggal + ". Disiapkan " + when +
        " (" + Math.ceil(state.meta.size / 1024) + " KB, " + state.people.length + " warga).";
    }
    document.getElementById("outbox-count").textContent = String(state.outbox.length);
    if (window.OfflineApp.showIssues) { window.OfflineApp.showIssues(); }
  }

  function prepare() {
    const out = document.getElementById("sync-state");
    out.textContent = "Menyiapkan…";
    fetch("/offline/siapkan/", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (r.redirected || r.status === 401) { throw new Error("Sesi berakhir. Masuk lagi, lalu siapkan."); }
      if (!r.ok) { throw new Error("Server menolak (" + r.status + "). Mode ini hanya untuk kader."); }
      return r.text();
    }).then(function (text) {
      const day = JSON.parse(text);
      const queued = day.kunjungan.map(function (v) { return v[1]; });
      const versions = [];
      day.kunjungan.forEach(function (v) {
        [[2, v[2]], [4, v[3]], [5, v[4]]].forEach(function (mv) {
          if (mv[1]) { versions.push(S.put("kv", "versi:" + v[1] + ":" + mv[0], mv[1])); }
        });
      });
      return Promise.all(versions.concat([
        S.put("kv", "day", day), S.put("kv", "meta", { size: text.length }),
        S.get("kv", "antrean").then(function (old) {
          const merged = queued.concat((old || []).filter(function (ref) { return queued.indexOf(ref) < 0; }));
          return S.put("kv", "antrean", merged);
        }),
      ]));
    }).then(load).then(function () {
      out.textContent = "Hari buka siap dipakai tanpa sinyal.";
      render();
    }).catch(function (error) { out.textContent = error.message || "Gagal menyiapkan: periksa sinyal."; });
  }

  function addRecord(record) {
    record.made = Date.now();
    return S.put("outbox", record.id, record).then(function () { state.outbox.push(record); });
  }

  function enqueue(ref) {
    if (state.queue.indexOf(ref) >= 0) { return Promise.resolve(); }
    state.queue.push(ref);
    return Promise.all([S.put("kv", "antrean", state.queue),
      addRecord({ id: uuid(), jenis: "meja", meja: 1, orang: ref, tanggal: state.day.tanggal })]);
  }

  function personLabel(p) {
    const span = el("span", {}, p.nama + " · " + p.lahir);
    if (p.baru) { span.append(" ", el("span", { class: "badge badge-baru" }, "baru")); }
    return span;
  }

  function personButton(p, action) {
    const b = el("button", { type: "button", class: "btn btn-outline-success w-100 text-start mb-2 person-row",
                             "data-action": action, "data-person": String(p.id) });
    b.append(personLabel(p));
    return b;
  }

  function renderMeja1() {
    const q = el("input", { type: "search", class: "form-control mb-2", id: "cari", placeholder: "Cari nama",
                            "aria-label": "Cari nama", autocomplete: "off" });
    const found = el("div", { id: "found" });
    const queue = el("div", {});
    queue.append(el("h2", { class: "h6 mt-3" }, "Antrean hari ini (" + state.queue.length + ")"));
    state.queue.forEach(function (ref) { queue.append(el("div", { class: "py-1" }, state.byId[String(ref)].nama)); });
    const add = el("button", { type: "button", class: "btn btn-success mt-2", "data-action": "newcomer" },
                   "Daftar warga baru");
    screen.append(q, found, add, el("div", { id: "newcomer-box" }), queue);
  }

  function search(text) {
    const box = document.getElementById("found");
    box.replaceChildren();
    const needle = text.trim().toLowerCase();
    if (needle.length < 2) { return; }
    state.people.filter(function (p) {
      return p.nama.toLowerCase().indexOf(needle) >= 0 && state.queue.indexOf(p.id) < 0;
    }).slice(0, 15).forEach(function (p) {
      const row = el("div", { class: "d-flex align-items-center justify-content-between gap-2 mb-1" });
      row.append(personLabel(p), el("button", { type: "button", class: "btn btn-sm btn-success",
                                                "data-action": "enqueue", "data-person": String(p.id) }, "Masuk antrean"));
      box.append(row);
    });
  }

  function renderQueue(action) {
    if (!state.queue.length) {
      screen.append(el("p", {}, "Antrean kosong. Daftarkan warga di meja 1."));
    }
    state.queue.forEach(function (ref) { screen.append(personButton(state.byId[String(ref)], action)); });
  }

  function render() {
    screen.replaceChildren();
    showStatus();
    document.querySelectorAll("[data-meja]").forEach(function (b) {
      b.classList.toggle("active", Number(b.dataset.meja) === state.meja);
    });
    if (!state.day) { return; }
    screen.append(el("h2", { class: "h5" }, "Meja " + state.meja + ": " + MEJA[state.meja]));
    if (state.open) { return window.OfflineScreens.open(state.open.person, state.open.meja); }
    if (state.meja === 1) { return renderMeja1(); }
    renderQueue("open");
  }

  window.OfflineApp = { state: state, uuid: uuid, load: load, render: render, prepare: prepare,
                        addRecord: addRecord, enqueue: enqueue, search: search, fieldsOf: fieldsOf, groupsOf: groupsOf,
                        personLabel: personLabel, screen: screen, MEJA: MEJA, showStatus: showStatus };
})();
