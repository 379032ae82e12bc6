// The service worker of the offline mode, served at /sw.js (scope "/") by offline.views.
// It keeps the app shell (the offline page and its static files, no data) so that the offline
// app opens with the network off, even after the browser was closed. Data pages are never
// cached: the day's data lives in IndexedDB, put there by "Siapkan hari buka".
"use strict";
const CACHE = "posyandu-offline-v1";
const APP_SHELL = "__APP_SHELL__";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(APP_SHELL.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (APP_SHELL.indexOf(url.pathname) < 0) {
    // Any other page asked with the network off: the offline app instead of the browser's error.
    if (event.request.mode === "navigate") {
      event.respondWith(fetch(event.request).catch(function () { return caches.match("/offline/"); }));
    }
    return;
  }
  // The shell: the network first (a new release arrives at once), the kept copy without network.
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
    }
    return response;
  }).catch(function () { return caches.match(url.pathname); }));
});

// Logout on a shared phone: the page asks the worker to forget the shell too.
self.addEventListener("message", function (event) {
  if (event.data === "wipe") { event.waitUntil(caches.delete(CACHE)); }
});
