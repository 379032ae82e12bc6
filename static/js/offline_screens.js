// The offline app's screens that take input: a table's form (meja 2, 4, 5), the results
// (meja 3), a newcomer, and the answers of the last sync that need the kader (refused, conflict).
// Wiring of every button is here too (no inline handlers: the Content-Security-Policy).
(function () {
  "use strict";
  const S = window.OfflineStore, F = window.OfflineForms, A = window.OfflineApp, el = F.el;
  const state = A.state, screen = A.screen;

  function outboxFor(ref, meja) {
    return state.outbox.find(function (r) { return r.jenis === "meja" && String(r.orang) === String(ref) &&
                                                   r.meja === meja; });
  }

  function openTable(p, meja) {
    const fields = A.fieldsOf(p, meja);
    const pending = outboxFor(p.id, meja);
    const draftKey = "draft:" + p.id + ":" + meja;
    S.get("drafts", draftKey).then(function (draft) {
      const values = draft || (pending ? pending.data : {});
      const errors = pending && pending.answer && pending.answer.status === "refused" ? pending.answer.errors : {};
      const form = el("form", { id: "meja-form", "data-draft": draftKey, novalidate: "" });
      const box = el("div", {});
      F.render(box, fields, values, errors);
      form.append(box, el("button", { type: "submit", class: "btn btn-success w-100" }, "Simpan (di HP)"),
                  el("button", { type: "button", class: "btn btn-link w-100", "data-action": "back" }, "Kembali"));
      screen.append(A.personLabel(p), form);
    });
  }

  function saveTable(form) {
    const p = state.byId[String(state.open.person)], meja = state.open.meja;
    const fields = A.fieldsOf(p, meja), box = form.firstChild, values = F.collect(box);
    const errors = F.validate(meja, fields, values);
    if (Object.keys(errors).length) {
      F.render(box, fields, values, errors);
      return;
    }
    const pending = outboxFor(p.id, meja);
    S.get("kv", "versi:" + p.id + ":" + meja).then(function (versi) {
      const record = pending || { id: A.uuid(), jenis: "meja", orang: p.id, meja: meja, tanggal: state.day.tanggal,
                                  slot: p.id + ":" + meja, made: Date.now() };
      record.data = values;
      record.versi = versi || null;
      delete record.answer;
      if (!pending) { state.outbox.push(record); }
      return Promise.all([S.put("outbox", record.id, record), S.del("drafts", "draft:" + p.id + ":" + meja)]);
    }).then(function () {
      state.open = meja === 2 ? { person: p.id, meja: 3 } : null;
      if (meja === 2) { state.meja = 3; }
      A.render();
    });
  }

  const RESULT_LABELS = { z_bbu: "z BB/U", z_pbu: "z PB/U atau TB/U", z_bbpb: "z BB/PB atau BB/TB", z_imtu: "z IMT/U",
    z_lku: "z LK/U", z_lilau: "z LiLA/U", status_bbu: "Status BB/U", status_pbu: "Status PB/U atau TB/U",
    status_bbpb: "Status BB/PB atau BB/TB", status_imtu: "Status IMT/U", kms: "KMS", two_t: "2T", bgm: "BGM",
    implausible: "Tidak masuk akal", flags: "Di luar normal" };

  function labelled(p, values) {
    const labels = {};
    A.fieldsOf(p, 2).forEach(function (spec) { labels[spec.f] = spec.l; });
    return Object.keys(values).filter(function (k) {
      return values[k] !== "" && values[k] !== null && values[k] !== false && k !== "cara_ukur";
    }).map(function (k) {
      const v = values[k];
      return [labels[k] || RESULT_LABELS[k] || k, typeof v === "number" ? v.toFixed(2) : (v === true ? "ya" : String(v))];
    });
  }

  function resultRows(table, rows) {
    rows.forEach(function (row) {
      const tr = el("tr", {});
      tr.append(el("th", { scope: "row" }, row[0]), el("td", {}, row[1]));
      table.append(tr);
    });
  }

  function openResults(p) {
    const pending = outboxFor(p.id, 2);
    S.get("kv", "hasil:" + p.id).then(function (server) {
      screen.append(A.personLabel(p));
      const table = el("table", { class: "table table-sm result-table mt-2" });
      if (pending) {
        const shown = window.GrowthEngine && window.GrowthEngine.summary
          ? window.GrowthEngine.summary(p, pending.data, state) : [["Hasil", "dihitung saat sinkron"]];
        screen.append(el("p", { class: "mt-2" }, "Hasil "), table);
        screen.querySelector("p.mt-2").append(el("span", { class: "sementara" }, "sementara"),
                                              " sampai terkirim ke server.");
        resultRows(table, labelled(p, pending.data).concat(shown));
      } else if (server) {
        screen.append(el("p", { class: "mt-2" }, "Hasil dari server (tersinkron)."), table);
        const h = server.hasil || {};
        resultRows(table, labelled(p, server.data || {}).concat(labelled(p, h))
          .concat((server.rujukan || []).map(function (r) { return ["Rujukan", r]; })));
      } else {
        screen.append(el("p", { class: "mt-2" }, "Belum ada penimbangan hari ini."));
      }
      screen.append(el("button", { type: "button", class: "btn btn-link w-100", "data-action": "back" }, "Kembali"));
    });
  }

  function open(ref, meja) {
    const p = state.byId[String(ref)];
    if (meja === 3) { return openResults(p); }
    return openTable(p, meja);
  }

  function newcomerFields() {
    const households = state.day.kk.map(function (k) { return [String(k[0]), k[2] + " (" + k[1] + ")"]; });
    return [
      { f: "nama", l: "Nama lengkap", k: "t" }, { f: "nik", l: "NIK (kosongkan bila belum punya)", k: "t" },
      { f: "jenis_kelamin", l: "Jenis kelamin", k: "c", ch: [["", "—"], ["L", "Laki-laki"], ["P", "Perempuan"]] },
      { f: "tanggal_lahir", l: "Tanggal lahir (tttt-bb-hh)", k: "t" },
      { f: "hubungan", l: "Hubungan dalam keluarga", k: "c", ch: [["", "—"]].concat(state.day.hubungan) },
      { f: "kk", l: "Keluarga", k: "c", ch: [["", "Keluarga baru"]].concat(households) },
      { f: "alamat", l: "Alamat (untuk keluarga baru)", k: "t" },
    ];
  }

  function newcomerForm() {
    const form = el("form", { id: "newcomer-form", "data-draft": "draft:baru", class: "card card-body mt-2",
                              novalidate: "" });
    S.get("drafts", "draft:baru").then(function (draft) {
      const inner = el("div", {});
      F.render(inner, newcomerFields(), draft || {}, {});
      form.append(inner, el("button", { type: "submit", class: "btn btn-success" }, "Simpan warga baru (di HP)"));
      document.getElementById("newcomer-box").replaceChildren(form);
    });
  }

  // The registry's own checks run on sync (PersonForm); these only catch what is surely wrong.
  function newcomerErrors(v) {
    const errors = {};
    if (!v.nama.trim()) { errors.nama = ["Wajib diisi."]; }
    if (v.nik.trim() && !/^\d{16}$/.test(v.nik.replace(/[\s.-]/g, ""))) { errors.nik = ["NIK harus 16 angka."]; }
    if (!v.jenis_kelamin) { errors.jenis_kelamin = ["Wajib diisi."]; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.tanggal_lahir) || isNaN(Date.parse(v.tanggal_lahir)) ||
        v.tanggal_lahir > state.day.tanggal) { errors.tanggal_lahir = ["Tanggal lahir tidak sah."]; }
    if (!v.hubungan) { errors.hubungan = ["Wajib diisi."]; }
    if (!v.kk && !v.alamat.trim()) { errors.alamat = ["Isi alamat keluarga baru."]; }
    return errors;
  }

  function saveNewcomer(form) {
    const v = F.collect(form.firstChild);
    const errors = newcomerErrors(v);
    if (Object.keys(errors).length) {
      F.render(form.firstChild, newcomerFields(), v, errors);
      return;
    }
    const id = A.uuid();
    const person = { id: id, nama: v.nama.trim(), jk: v.jenis_kelamin, lahir: v.tanggal_lahir, baru: true };
    const data = { nama: person.nama, nik: v.nik, jenis_kelamin: v.jenis_kelamin, tanggal_lahir: v.tanggal_lahir,
                   hubungan: v.hubungan };
    const kk = v.kk ? Number(v.kk) : { alamat: v.alamat.trim(), no_kk: "" };
    S.get("kv", "baru").then(function (list) {
      return Promise.all([S.put("kv", "baru", (list || []).concat([person])), S.del("drafts", "draft:baru"),
                          A.addRecord({ id: id, jenis: "orang", kk: kk, data: data })]);
    }).then(A.load).then(function () { return A.enqueue(id); }).then(A.render);
  }

  window.OfflineScreens = { open: open, saveTable: saveTable, newcomerForm: newcomerForm, saveNewcomer: saveNewcomer };
})();
