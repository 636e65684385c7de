// Schedule pages: count down to sessions from the server's clock, and tell the server the browser's time zone once.
(function () {
  "use strict";

  function text(ms) {
    if (ms <= 0) return "now";
    var minutes = Math.ceil(ms / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    if (days >= 1) return "in " + days + " d " + hours + " h";
    if (hours >= 1) return "in " + hours + " h " + mins + " min";
    return "in " + Math.max(1, mins) + " min";
  }

  function tick() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      if (el.dataset.offset === undefined) {
        // The server's now minus ours: the countdown follows the server's clock, not this machine's.
        el.dataset.offset = String(Number(el.dataset.now) - Date.now());
      }
      var serverNow = Date.now() + Number(el.dataset.offset);
      el.textContent = text(Number(el.dataset.countdown) - serverNow);
    });
  }

  function detectZone() {
    var form = document.getElementById("detect-zone");
    if (!form || sessionStorage.getItem("mockloop-zone-sent")) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    sessionStorage.setItem("mockloop-zone-sent", "1");
    form.elements.zone.value = zone;
    form.submit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    detectZone();
    tick();
    setInterval(tick, 15000);
  });
})();
