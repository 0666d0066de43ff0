// The few things a page does by itself (no inline scripts: the Content-Security-Policy allows only this file and
// htmx): countdowns, live remaining stock over server-sent events (the browser reconnects by itself), and forms that
// submit once.
(function () {
  'use strict';

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function tick() {
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var left = Math.max(0, Math.floor((Date.parse(el.getAttribute('data-to')) - Date.now()) / 1000));
      var days = Math.floor(left / 86400);
      var rest = left % 86400;
      el.textContent = (days > 0 ? days + 'd ' : '') + pad(Math.floor(rest / 3600)) + ':' +
        pad(Math.floor(rest % 3600 / 60)) + ':' + pad(rest % 60);
    });
  }

  function liveStock() {
    document.querySelectorAll('[data-stock-stream]').forEach(function (el) {
      if (!window.EventSource) { return; }
      var source = new EventSource(el.getAttribute('data-stock-stream'));
      source.addEventListener('remaining', function (event) {
        try { el.textContent = JSON.parse(event.data).remaining; } catch (ignored) { /* a malformed event */ }
      });
      source.addEventListener('closed', function () { source.close(); });
    });
  }

  // A second click must not post again; the form's idempotency key makes a repeated post harmless anyway.
  function submitOnce() {
    document.querySelectorAll('form[data-once]').forEach(function (form) {
      form.addEventListener('submit', function () {
        var button = form.querySelector('button[type=submit]');
        if (button) { setTimeout(function () { button.disabled = true; }, 0); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
    liveStock();
    submitOnce();
  });
})();
