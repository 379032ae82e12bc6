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

  document.addEventListener("submit", function (event) {
    const form = event.target.closest("form[data-wipe-offline]");
    if (!form || confirmed) { return; }
    event.preventDefault();
    unsent().then(function (n) {
      if (n && !window.confirm("Ada " + n + " data hari buka yang belum terkirim ke server. Keluar akan " +
                               "menghapusnya dari HP ini. Tetap keluar?")) {
        return;
      }
      return wipe().then(function () {
        confirmed = true;
        form.submit();
      });
    });
  });
})();
