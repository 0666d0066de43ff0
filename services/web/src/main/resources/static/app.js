// The few things a page does by itself (no inline scripts: the Content-Security-Policy allows only this file and
// htmx): countdowns, live remaining stock and live prices over server-sent events (with reconnect), and forms that
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

  // Live prices: each element naming quote streams (the public SSE of the market-data service, through the gateway)
  // updates the rows of its symbols. EventSource reconnects by itself after a dropped connection; when the browser
  // gives up (the stream answered an error), it is opened again after a pause that grows up to a minute.
  function money(value, currency) {
    var digits = currency === 'KRW' ? 0 : 2;
    try {
      return new Intl.NumberFormat(document.documentElement.lang === 'ko' ? 'ko-KR' : 'en-US',
        { style: 'currency', currency: currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
        .format(value);
    } catch (ignored) { return '' + value; }
  }

  function percent(value) {
    var text = new Intl.NumberFormat(document.documentElement.lang === 'ko' ? 'ko-KR' : 'en-US',
      { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    return (value > 0 ? '+' : '') + text + '%';
  }

  function showQuote(quote) {
    document.querySelectorAll('[data-symbol="' + quote.symbol + '"]').forEach(function (row) {
      var price = row.querySelector('[data-field=price]');
      if (price && quote.price != null) {
        var text = money(quote.price, quote.currency || price.getAttribute('data-currency'));
        if (price.textContent !== text) {
          price.textContent = text;
          price.classList.remove('flash');
          void price.offsetWidth; // restart the highlight
          price.classList.add('flash');
        }
      }
      var change = row.querySelector('[data-field=change]');
      if (change && quote.changePercent != null) {
        change.textContent = percent(quote.changePercent);
        change.classList.toggle('up', quote.change > 0);
        change.classList.toggle('down', quote.change < 0);
        // The colour follows the reader's convention, which the page names (Formats.rise and fall).
        change.classList.remove('trend-red', 'trend-green', 'trend-blue');
        var colour = quote.change > 0 ? change.getAttribute('data-rise') : quote.change < 0 ? change.getAttribute('data-fall') : null;
        if (colour) {
          change.classList.add(colour);
        }
      }
      var asOf = row.querySelector('[data-field=asOf]');
      if (asOf && quote.asOf) {
        asOf.setAttribute('datetime', quote.asOf);
        // In the zone the page shows its times in (the user's), not the browser's.
        var zoned = asOf.closest('[data-zone]');
        var options = zoned ? { timeZone: zoned.getAttribute('data-zone') } : {};
        try {
          asOf.textContent = new Date(quote.asOf).toLocaleTimeString(document.documentElement.lang || undefined, options);
        } catch (ignored) {
          asOf.textContent = new Date(quote.asOf).toLocaleTimeString(document.documentElement.lang || undefined);
        }
      }
    });
  }

  function follow(url, pause) {
    var source = new EventSource(url);
    source.addEventListener('open', function () { pause = 1000; });
    source.addEventListener('quote', function (event) {
      try { showQuote(JSON.parse(event.data)); } catch (ignored) { /* a malformed event */ }
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(function () { follow(url, Math.min(pause * 2, 60000)); }, pause);
      }
    });
  }

  function liveQuotes() {
    if (!window.EventSource) { return; }
    document.querySelectorAll('[data-quote-streams]').forEach(function (el) {
      el.getAttribute('data-quote-streams').split(' ').forEach(function (url) {
        if (url) { follow(url, 1000); }
      });
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
    liveQuotes();
    submitOnce();
  });
})();
