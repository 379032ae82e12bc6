// A small IndexedDB wrapper for the offline mode (no library: the whole offline app must stay
// small). Stores: "kv" (the day's data, versions, results from the server), "outbox" (records
// waiting to be sent, by their client id) and "drafts" (what is being typed, saved on every
// input so that a reload, a crash or a dead battery loses nothing).
(function () {
  "use strict";
  const NAME = "posyandu-offline";
  const STORES = ["kv", "outbox", "drafts"];
  let opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        const request = indexedDB.open(NAME, 1);
        request.onupgradeneeded = function () {
          STORES.forEach(function (name) {
            if (!request.result.objectStoreNames.contains(name)) {
              request.result.createObjectStore(name);
            }
          });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  }

  function run(store, mode, action) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(store, mode);
        const request = action(tx.objectStore(store));
        tx.oncomplete = function () { resolve(request && request.result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  window.OfflineStore = {
    get: function (store, key) { return run(store, "readonly", function (s) { return s.get(key); }); },
    put: function (store, key, value) {
      return run(store, "readwrite", function (s) { return s.put(value, key); });
    },
    del: function (store, key) { return run(store, "readwrite", function (s) { return s.delete(key); }); },
    all: function (store) { return run(store, "readonly", function (s) { return s.getAll(); }); },
    count: function (store) { return run(store, "readonly", function (s) { return s.count(); }); },
    // Logout on a shared phone: nothing of the Posyandu stays behind.
    wipe: function () {
      const closing = opening ? opening.then(function (db) { db.close(); }) : Promise.resolve();
      opening = null;
      return closing.then(function () {
        return new Promise(function (resolve) {
          const request = indexedDB.deleteDatabase(NAME);
          request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
        });
      });
    },
    exists: function () {
      // Opening the database would create it: ask the browser for the list instead when it can.
      if (indexedDB.databases) {
        return indexedDB.databases().then(function (list) {
          return list.some(function (db) { return db.name === NAME; });
        });
      }
      return Promise.resolve(true);
    },
  };
})();
