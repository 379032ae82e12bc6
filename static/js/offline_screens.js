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
      const shown = typeof v === "number" ? v.toFixed(2).replace(".", ",") : (v === true ? "ya" : String(v));
      return [labels[k] || RESULT_LABELS[k] || k, shown];  // a decimal comma, as the server's pages
    });
  }

  function resultRows(table, rows) {
    rows.forEach(function (row) {
      const tr = el("tr", {});
      tr.append(el("th", { scope: "row" }, row[0]), el("td", {}, row[1]));
      table.append(tr);
    });
  }

  // Meja 3 before the sync: the growth results and the referral reasons the server would derive
  // from what was typed at meja 2 and 5, marked "sementara".
  function provisional(p, meja2, meja5) {
    const G = window.GrowthEngine, R = G.referralData();
    const growth = G.assess(p, meja2 || {}, state);
    const rows = labelled(p, meja2 || {}).concat(meja2 ? G.summary(growth) : []);
    if (!R) { return rows.concat([["Rujukan", "dihitung saat sinkron"]]); }
    const facts = window.ReferralRules.facts(p, A.groupsOf(p), state.day.tanggal, meja2, meja5, growth);
    const reasons = window.ReferralRules.reasons(facts, R);
    return rows.concat(reasons.length ? reasons.map(function (r) { return ["Rujukan", r[1]]; })
                                      : [["Rujukan", "tidak ada"]]);
  }

  function openResults(p) {
    const meja2 = outboxFor(p.id, 2), meja5 = outboxFor(p.id, 5);
    S.get("kv", "hasil:" + p.id).then(function (server) {
      screen.append(A.personLabel(p));
      const table = el("table", { class: "table table-sm result-table mt-2" });
      if (meja2 || meja5) {
        const note = el("p", { class: "mt-2" }, "Hasil ");
        note.append(el("span", { class: "sementara" }, "sementara"), " sampai terkirim ke server.");
        screen.append(note, table);
        resultRows(table, provisional(p, meja2 && meja2.data, meja5 && meja5.data));
      } else if (server) {
        screen.append(el("p", { class: "mt-2" }, "Hasil dari server (tersinkron)."), table);
        const h = server.hasil || {};
        const rujukan = server.rujukan || [];
        resultRows(table, labelled(p, server.data || {}).concat(labelled(p, h))
          .concat(rujukan.length ? rujukan.map(function (r) { return ["Rujukan", r]; }) : [["Rujukan", "tidak ada"]]));
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
    ].concat(pregnancyFields());
  }

  // A woman marked pregnant gets the fields of "Catat kehamilan baru" (from the download).
  function pregnancyFields() {
    const k = state.day.kehamilan;
    if (!k) { return []; }
    return [{ f: "hamil", l: "Sedang hamil (perempuan " + k.umur[0] + "\u2013" + k.umur[1] + " tahun)", k: "b" }]
      .concat(k.form);
  }

  // The refusals of the online form and service (PregnancyForm, Pregnancy.clean), at once; the
  // server checks them again on sync.
  function pregnancyErrors(v) {
    const errors = {}, umur = state.day.kehamilan.umur;
    const hpht = v.hpht.trim(), counts = ["gravida", "para", "abortus"].map(function (f) { return F.parseNumber(v[f]); });
    if (v.jenis_kelamin !== "P") {
      errors.hpht = ["Kehamilan dan persalinan hanya untuk perempuan."];
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(hpht) || isNaN(Date.parse(hpht))) {
      errors.hpht = ["Isi HPHT (tttt-bb-hh)."];
    } else if (hpht > state.day.tanggal) {
      errors.hpht = ["Tanggal tidak boleh di masa depan."];
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(v.tanggal_lahir)) {
      const years = Math.floor(window.ReferralRules.completedMonths(v.tanggal_lahir, hpht) / 12);
      if (years < umur[0] || years > umur[1]) {
        errors.hpht = ["Umur " + years + " tahun pada tanggal itu: kehamilan hanya untuk perempuan " + umur[0] +
                       "\u2013" + umur[1] + " tahun."];
      }
    }
    ["gravida", "para", "abortus"].forEach(function (f, i) {
      if (isNaN(counts[i]) || counts[i] < 0 || counts[i] !== Math.floor(counts[i])) {
        errors[f] = [f === "gravida" ? "Wajib diisi: kehamilan ke berapa." : "Wajib diisi (0 bila belum pernah)."];
      }
    });
    if (!errors.gravida && !errors.para && !errors.abortus && counts[1] + counts[2] >= counts[0]) {
      errors.gravida = ["Hamil ke- harus lebih dari jumlah persalinan dan keguguran sebelumnya."];
    }
    return errors;
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
    return v.hamil ? Object.assign(errors, pregnancyErrors(v)) : errors;
  }

  function saveNewcomer(form) {
    const v = F.collect(form.firstChild);
    const errors = newcomerErrors(v);
    if (Object.keys(errors).length) {
      F.render(form.firstChild, newcomerFields(), v, errors);
      return;
    }
    const id = A.uuid();
    const person = { id: id, nama: v.nama.trim(), jk: v.jenis_kelamin, lahir: v.tanggal_lahir, baru: true,
                     hamil: Boolean(v.hamil) };
    const data = { nama: person.nama, nik: v.nik, jenis_kelamin: v.jenis_kelamin, tanggal_lahir: v.tanggal_lahir,
                   hubungan: v.hubungan };
    const kk = v.kk ? Number(v.kk) : { alamat: v.alamat.trim(), no_kk: "" };
    S.get("kv", "baru").then(function (list) {
      return Promise.all([S.put("kv", "baru", (list || []).concat([person])), S.del("drafts", "draft:baru"),
                          A.addRecord({ id: id, jenis: "orang", kk: kk, data: data })]);
    }).then(function () {
      if (!v.hamil) { return null; }
      const episode = { hpht: v.hpht.trim(), gravida: v.gravida, para: v.para, abortus: v.abortus };
      return A.addRecord({ id: A.uuid(), jenis: "kehamilan", orang: id, data: episode });
    }).then(A.load).then(function () { return A.enqueue(id); }).then(A.render);
  }

  window.OfflineScreens = { open: open, saveTable: saveTable, newcomerForm: newcomerForm, saveNewcomer: saveNewcomer };
})();
