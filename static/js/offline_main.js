// Start-up and wiring of the offline app: every button declares its action with data-*.
(function () {
  "use strict";
  const S = window.OfflineStore, F = window.OfflineForms, A = window.OfflineApp, W = window.OfflineScreens;
  const el = F.el, state = A.state;

  function mejaName(r) { return { orang: "warga baru", kehamilan: "kehamilan" }[r.jenis] || "meja " + r.meja; }

  function whose(r) {
    const p = state.byId[String(r.jenis === "orang" ? r.id : r.orang)];
    return p ? p.nama : (r.data && r.data.nama) || "?";
  }

  function issue(r) {
    const box = el("div", { class: "alert " + (r.answer.status === "conflict" ? "alert-warning" : "alert-danger") });
    const title = r.answer.status === "conflict" ? "Bentrok" : (r.answer.status === "waiting" ? "Menunggu" : "Ditolak");
    box.append(el("strong", {}, title + ": " + whose(r) + ", " + mejaName(r)));
    Object.keys(r.answer.errors || {}).forEach(function (field) {
      r.answer.errors[field].forEach(function (m) {
        box.append(el("div", {}, (field === "__all__" ? "" : field + ": ") + m.replace(/<[^>]*>/g, "")));
      });
    });
    if (r.answer.status === "conflict") {
      const grid = el("div", { class: "conflict-grid mt-2" });
      const mine = el("div", {}), server = el("div", {});
      mine.append(el("div", { class: "fw-semibold" }, "Data di HP"));
      server.append(el("div", { class: "fw-semibold" }, "Data di server"));
      Object.keys(r.data || {}).forEach(function (k) { mine.append(el("div", {}, k + ": " + r.data[k])); });
      Object.keys(r.answer.server || {}).forEach(function (k) {
        server.append(el("div", {}, k + ": " + r.answer.server[k]));
      });
      grid.append(mine, server);
      box.append(grid,
        el("button", { type: "button", class: "btn btn-success me-2 mt-2", "data-action": "keep-mine",
                       "data-record": r.id }, r.jenis === "orang" ? "Simpan tanpa NIK" : "Pakai data HP"),
        el("button", { type: "button", class: "btn btn-outline-dark mt-2", "data-action": "keep-server",
                       "data-record": r.id }, r.jenis === "orang" ? "Orang yang sama" : "Pakai data server"));
    } else if (r.answer.status === "refused" && r.jenis === "kehamilan") {
      box.append(el("div", {}, "Saat ada sinyal, catat kehamilannya di halaman warga (Catat kehamilan baru)."),
                 el("button", { type: "button", class: "btn btn-outline-danger mt-2", "data-action": "drop",
                                "data-record": r.id }, "Hapus dari HP"));
    } else if (r.answer.status === "refused" && r.jenis === "meja" && r.meja > 1) {
      box.append(el("button", { type: "button", class: "btn btn-outline-danger mt-2", "data-action": "fix",
                                "data-person": String(r.orang), "data-meja": String(r.meja) }, "Perbaiki"));
    }
    return box;
  }

  function showIssues() {
    const box = document.getElementById("sync-issues");
    box.replaceChildren();
    state.outbox.filter(function (r) { return r.answer; }).forEach(function (r) { box.append(issue(r)); });
  }
  A.showIssues = showIssues;

  function sync() {
    const out = document.getElementById("sync-state");
    out.textContent = "Mengirim…";
    window.OfflineSync.send(function (done, all) { out.textContent = "Mengirim " + done + " dari " + all + "…"; })
      .then(function (result) {
        const c = result.counts;
        out.textContent = result.sent ? "Terkirim: " + (c.saved || 0) + " tersimpan, " + (c.refused || 0) +
          " ditolak, " + (c.conflict || 0) + " bentrok, " + (c.waiting || 0) + " menunggu." : "Tidak ada yang perlu dikirim.";
      })
      .catch(function (error) {
        if (error && error.login) {
          out.replaceChildren("Sesi berakhir. Data tetap di HP. ",
                              el("a", { href: "/masuk/?next=/offline/", class: "tap" }, "Masuk lagi"), ", lalu kirim.");
        } else {
          out.textContent = error && error.server ? error.message
            : "Koneksi terputus. Data tetap di HP; kirim lagi nanti.";
        }
      })
      .then(A.load).then(A.render);
  }

  function logOut() {
    window.OfflineGuard.logOut().then(function (result) {
      if (result === "out") { return window.location.assign("/masuk/?next=/offline/"); }
      if (result === "local") {
        document.querySelector("main").replaceChildren(el("h1", { class: "h4" }, "Data dihapus dari HP ini"),
          el("p", {}, "Tanpa sinyal, sesi di server berakhir sendiri bila tidak dipakai. " +
                      "Saat ada sinyal, masuk lagi untuk memakai aplikasi."));
      }
    });
  }

  document.addEventListener("click", function (event) {
    const target = event.target.closest("[data-action], [data-meja]");
    if (!target) { return; }
    const action = target.dataset.action;
    if (!action && target.dataset.meja) {
      state.meja = Number(target.dataset.meja);
      state.open = null;
      return A.render();
    }
    const ref = target.dataset.person;
    const person = ref && state.byId[ref] ? state.byId[ref].id : null;
    if (action === "prepare") { A.prepare(); }
    if (action === "sync") { sync(); }
    if (action === "newcomer") { W.newcomerForm(); }
    if (action === "enqueue") { A.enqueue(person).then(A.render); }
    if (action === "open") { state.open = { person: person, meja: state.meja }; A.render(); }
    if (action === "fix") {
      state.meja = Number(target.dataset.meja);
      state.open = { person: person, meja: state.meja };
      A.render();
    }
    if (action === "back") { state.open = null; A.render(); }
    if (action === "logout") { logOut(); }
    if (action === "drop") { S.del("outbox", target.dataset.record).then(A.load).then(A.render); }
    if (action === "keep-mine" || action === "keep-server") {
      window.OfflineSync.resolve(target.dataset.record, action === "keep-mine").then(A.load).then(A.render);
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.id === "cari") { return A.search(event.target.value); }
    const form = event.target.closest("form[data-draft]");
    if (form) { S.put("drafts", form.dataset.draft, F.collect(form.firstChild)); }
  });
  document.addEventListener("change", function (event) {
    const form = event.target.closest("form[data-draft]");
    if (form) { S.put("drafts", form.dataset.draft, F.collect(form.firstChild)); }
  });

  document.addEventListener("submit", function (event) {
    event.preventDefault();
    if (event.target.id === "meja-form") { W.saveTable(event.target); }
    if (event.target.id === "newcomer-form") { W.saveNewcomer(event.target); }
  });

  window.addEventListener("online", A.showStatus);
  window.addEventListener("offline", A.showStatus);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" });
  }
  A.load().then(A.render);
  // The growth engine's tables: kept by the service worker, so meja 3 computes without network.
  fetch("/offline/who.json").then(function (r) { return r.json(); }).then(function (data) {
    window.GrowthEngine.load(data);
    if (state.open && state.open.meja === 3) { A.render(); }
  }).catch(function () { /* meja 3 then says the results come with the sync */ });
})();
