// The calculator's service worker, written at build time by scripts/finish_page.py: it precaches
// exactly this build's files so the calculator works offline after one visit. The page itself is
// fetched from the network first (so a new version arrives), the hashed assets from the cache.
// It caches only this origin's GET requests; answers are never in a request.
const VERSION = "hukou-%VERSION%";
const FILES = %FILES%;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put("./", copy));
          }
          return response;
        })
        .catch(() => caches.match("./"))
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
