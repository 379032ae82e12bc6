// Logout on a shared phone wipes the offline data (IndexedDB and the service worker's copy of the
// app), after a warning when records made offline have not been sent yet.
(function () {
  "use strict";
  let confirmed = false;

  function unsent() {
    const S = window.OfflineStore;
    return S.exists().then(function (exists) { return exists ? S.count("outbox") : 0; }).catch(function () { return 0; });
  }

  function wipe() {
    const jobs = [window.OfflineStore.wipe()];
    if (navigator.serviceWorker) { // else it would keep the app shell again on the next page
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (list) {
        return Promise.all(list.map(function (r) { return r.unregister(); }));
      }));
    }
    if (window.caches) {
      jobs.push(caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) { return caches.delete(k); }));
      }));
    }
    return Promise.all(jobs);
  }

  // Whether to go on: always when nothing is unsent, else the kader's answer to the warning.
  function agreed(n) {
    return !n || window.confirm("Ada " + n + " data hari buka yang belum terkirim ke server. Keluar akan " +
                                "menghapusnya dari HP ini. Tetap keluar?");
  }

  document.addEventListener("submit", function (event) {
    const form = event.target.closest("form[data-wipe-offline]");
    if (!form || confirmed) { return; }
    event.preventDefault();
    unsent().then(function (n) {
      if (!agreed(n)) { return; }
      return wipe().then(function () {
        confirmed = true;
        form.submit();
      });
    });
  });

  // Logout from the offline app (/offline/): the page is kept by the service worker, so it holds
  // no CSRF token; the sync endpoint gives a fresh one. Resolves "out" (logged out on the server),
  // "local" (data wiped, no network: the session ends by the idle timeout) or "stayed".
  function logOut() {
    return unsent().then(function (n) {
      if (!agreed(n)) { return "stayed"; }
      return wipe().then(function () {
        return fetch("/offline/sinkron/", { credentials: "same-origin", cache: "no-store" });
      }).then(function (r) {
        if (!r.ok) { return r.status === 401 ? "out" : "local"; }
        return r.json().then(function (answer) {
          return fetch("/keluar/", { method: "POST", credentials: "same-origin",
                                     headers: { "X-CSRFToken": answer.csrf } });
        }).then(function (r2) { return r2.ok ? "out" : "local"; });
      }).catch(function () { return "local"; });
    });
  }

  window.OfflineGuard = { logOut: logOut };
})();
