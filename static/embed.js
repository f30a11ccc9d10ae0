/* Chenzhou hukou calculator, embed in one line:
   <div id="hukou-calculator"></div>
   <script src="https://APP/embed.js" data-target="#hukou-calculator" async></script>
   Puts the calculator in a sandboxed iframe that grows and shrinks with its content. The frame
   tells this page only its height, by postMessage to this page's origin alone, and only messages
   from the calculator's own origin are heeded. Until the calculator has loaded and said its
   height, the frame takes no room and cannot be seen: a calculator that cannot load (offline, or
   refused by the server's frame-ancestors) leaves the page as it was. */
(function () {
  try {
    var script = document.currentScript;
    if (!script || !window.postMessage) return;
    var base = new URL(".", script.src);
    var target = document.querySelector(script.getAttribute("data-target") || "#hukou-calculator");
    if (!target) return;
    var frame = document.createElement("iframe");
    /* The frame sends its height to this origin only (an origin needs no escaping in a query). */
    frame.src = new URL("./?embed=1&host=" + location.origin, base).href;
    frame.title = script.getAttribute("data-title") || "郴州落户计算器";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-modals");
    /* Out of sight and of the layout until the calculator speaks. */
    frame.style.cssText = "position:absolute;width:1px;height:1px;border:0;opacity:0;pointer-events:none";
    window.addEventListener("message", function (event) {
      if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || data.type !== "hukou:height" || typeof data.height !== "number") return;
      var height = Math.max(320, Math.min(20000, Math.ceil(data.height)));
      frame.style.cssText = "display:block;width:100%;border:0;height:" + height + "px";
    });
    target.appendChild(frame);
  } catch (e) {
    /* Fail quietly: the host page must not break. */
  }
})();
