// The calculator's service worker, written at build time by scripts/finish_page.py: it precaches
// exactly this build's files so the calculator works offline after one visit. The page itself is
// fetched from the network first (so a new version arrives), the hashed assets from the cache.
// It caches only this origin's GET requests; answers are never in a request.
// Two builds share the origin (the main one, and the WebAssembly-1.0 one in mvp/), each with its
// worker: a worker replaces only its own build's older caches, never the other's. An update is
// taken whole (cache.addAll fails if any file fails) or not at all, and a page is kept for
// offline use only if it is this build's own (it names this build's WebAssembly file): never a
// maintenance page, nor a newer build's page whose files this worker does not have.
const BUILD = "hukou-%BUILD%-";
const VERSION = BUILD + "%VERSION%";
const FILES = %FILES%;
const WASM = "%WASM%";
// The calculator's own page: "./" or "./index.html" beside this worker, with any query
// (?embed=1). Only it is kept as the offline page, and only as a working HTML page.
const PAGE = new URL("./", location).pathname;

function cachedPage(fallback) {
  return caches.match("./").then((hit) => hit || fallback || Response.error());
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        // This build's older caches, and those of the builds before caches were named by build.
        .filter((k) => k !== VERSION && (k.startsWith(BUILD) || /^hukou-[0-9a-f]{16}$/.test(k)))
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (request.mode === "navigate") {
    // Any other file opened directly (share.png, embed.js, sw.js, mvp/) goes to the network as
    // usual and is never kept as the page.
    if (url.pathname !== PAGE && url.pathname !== PAGE + "index.html") return;
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (response.ok && /^text\/html\s*(;|$)/i.test(response.headers.get("Content-Type"))) {
            const copy = response.clone();
            event.waitUntil(copy.clone().text().then((html) => {
              if (html.includes(WASM)) {
                return caches.open(VERSION).then((cache) => cache.put("./", copy));
              }
            }));
            return response;
          }
          // A server error: the working app this device already has.
          return response.status >= 500 ? cachedPage(response) : response;
        },
        // Offline.
        () => cachedPage()
      )
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
