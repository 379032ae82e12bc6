// Sync of the outbox: every record keeps the id the phone gave it, so a batch cut off by a lost
// connection is simply sent again (the server answers a record it already saved from its
// SyncedRecord table). Answers per record: saved (leaves the outbox), refused (messages kept
// for the field), conflict (both versions kept for the kader to choose), waiting (its newcomer
// is not saved yet). An expired session keeps the outbox: log in again, then send.
(function () {
  "use strict";
  const S = window.OfflineStore;
  const CHUNK = 50;

  function token() {
    return fetch("/offline/sinkron/", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (r.status === 401 || r.redirected) { throw { login: true }; }
      if (!r.ok) { throw { server: true, message: "Server menolak (" + r.status + ")." }; }
      return r.json();
    }).then(function (body) { return body.csrf; });
  }

  function post(csrf, records) {
    return fetch("/offline/sinkron/", {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ records: records }),
    }).then(function (r) {
      if (r.status === 401 || r.redirected) { throw { login: true }; }
      if (!r.ok) { throw { server: true, message: "Server menolak kiriman (" + r.status + ")." }; }
      return r.json();
    });
  }

  function keep(record, answer) {
    const tasks = [];
    if (answer.status === "saved") {
      tasks.push(S.del("outbox", record.id));
      if (record.slot) { tasks.push(S.del("kv", "slot:" + record.slot)); }
      if (record.jenis === "meja" && answer.versi) {
        tasks.push(S.put("kv", "versi:" + record.orang + ":" + record.meja, answer.versi));
      }
      if (record.jenis === "meja" && record.meja === 2) {
        tasks.push(S.put("kv", "hasil:" + record.orang, { hasil: answer.hasil, rujukan: answer.rujukan,
                                                           data: record.data }));
      }
      if (record.jenis === "orang") { tasks.push(S.put("kv", "server:" + record.id, answer.orang)); }
    } else {
      record.answer = answer;
      tasks.push(S.put("outbox", record.id, record));
    }
    return Promise.all(tasks);
  }

  // Newcomers first: the tables of their visit refer to them; then a newcomer's pregnancy, which
  // makes her an ibu hamil for the tables' results and referrals.
  const RANK = { orang: 0, kehamilan: 1 };
  function rank(r) { return r.jenis in RANK ? RANK[r.jenis] : 2; }
  function ordered(records) {
    return records.slice().sort(function (a, b) { return rank(a) - rank(b) || a.made - b.made; });
  }

  function send(onProgress) {
    return S.all("outbox").then(function (all) {
      const pending = ordered(all.filter(function (r) { return !r.answer || r.answer.status !== "conflict"; }));
      if (!pending.length) { return { sent: 0, counts: {} }; }
      return token().then(function (csrf) {
        const counts = {};
        let chain = Promise.resolve();
        for (let i = 0; i < pending.length; i += CHUNK) {
          const chunk = pending.slice(i, i + CHUNK);
          chain = chain.then(function () {
            const wire = chunk.map(function (r) {
              return { id: r.id, jenis: r.jenis, orang: r.orang, kk: r.kk, tanggal: r.tanggal, meja: r.meja,
                       versi: r.versi, data: r.data };
            });
            return post(csrf, wire).then(function (body) {
              body.results.forEach(function (answer) { counts[answer.status] = (counts[answer.status] || 0) + 1; });
              onProgress(i + chunk.length, pending.length);
              return Promise.all(chunk.map(function (record, n) { return keep(record, body.results[n]); }));
            });
          });
        }
        return chain.then(function () { return { sent: pending.length, counts: counts }; });
      });
    });
  }

  // The kader's choice in a conflict: her version goes again over the server's (with the
  // server's version, so the server knows she has seen it), or the server's stays.
  // A newcomer whose NIK the server holds with other details: either the same person (the
  // visit's tables then go to the server's person) or registered without the NIK for now.
  function resolvePerson(record, mine) {
    if (mine) {
      record.data.nik = "";
      delete record.answer;
      return S.put("outbox", record.id, record);
    }
    const server = record.answer.server.orang;
    return S.all("outbox").then(function (all) {
      return Promise.all(all.filter(function (r) { return r.orang === record.id; }).map(function (r) {
        r.orang = server;
        delete r.answer;
        return S.put("outbox", r.id, r);
      }).concat([S.del("outbox", record.id), S.put("kv", "server:" + record.id, server)]));
    });
  }

  function resolve(id, mine) {
    return S.get("outbox", id).then(function (record) {
      if (!record) { return null; }
      if (record.jenis === "orang") { return resolvePerson(record, mine); }
      if (!mine) {
        return Promise.all([S.del("outbox", id), record.slot ? S.del("kv", "slot:" + record.slot) : null]);
      }
      record.versi = record.answer.versi;
      delete record.answer;
      return S.put("outbox", id, record);
    });
  }

  window.OfflineSync = { send: send, resolve: resolve };
})();
