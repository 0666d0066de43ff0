// A stock's price chart (uPlot, from its webjar): the day's points or the daily closes of a month or a year, read from
// the public price history of the market-data service through the gateway. Times on the axis in the reader's zone.
(function () {
  'use strict';

  // As wide as the page's column, up to 900 px; a phone turned sideways (or a resized window) redraws to fit.
  function sizeOf(box) {
    var width = Math.max(240, Math.min(box.clientWidth || 600, 900));
    return { width: width, height: Math.round(Math.min(320, width * 0.6)) };
  }

  function draw(box, range) {
    var symbol = box.getAttribute('data-chart');
    var currency = box.getAttribute('data-currency');
    var target = box.querySelector('.chart');
    var status = box.querySelector('[data-chart-status]');
    var asked = (box.drawing = (box.drawing || 0) + 1); // a slower answer for an earlier period is dropped
    status.textContent = box.getAttribute('data-loading') || '';
    if (box.plot) { box.plot.destroy(); box.plot = null; }
    target.textContent = ''; // the last period's chart goes at once: what shows next is this period's
    fetch('/api/market/quotes/' + encodeURIComponent(symbol) + '/history?range=' + range, { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) { throw new Error('history ' + response.status); }
        return response.json();
      })
      .then(function (history) {
        if (asked !== box.drawing) { return; }
        var xs = [];
        var ys = [];
        if (history.points && history.points.length) {
          history.points.forEach(function (p) { xs.push(Date.parse(p.at) / 1000); ys.push(Number(p.price)); });
        } else if (history.bars) {
          history.bars.forEach(function (b) { xs.push(Date.parse(b.date + 'T00:00:00Z') / 1000); ys.push(Number(b.close)); });
        }
        if (!xs.length) {
          status.textContent = box.getAttribute('data-empty') || '';
          return;
        }
        status.textContent = '';
        var digits = currency === 'KRW' ? 0 : 2;
        var size = sizeOf(box);
        box.plot = new window.uPlot({
          width: size.width,
          height: size.height,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          series: [{}, { stroke: '#0b3d91', width: 2, fill: 'rgba(11,61,145,0.08)' }],
          axes: [{ stroke: '#4a4a4a' }, {
            stroke: '#4a4a4a', size: 70,
            values: function (u, splits) {
              return splits.map(function (v) {
                return v.toLocaleString(document.documentElement.lang || undefined,
                  { minimumFractionDigits: digits, maximumFractionDigits: digits });
              });
            }
          }]
        }, [xs, ys], target);
      })
      .catch(function () {
        if (asked === box.drawing) { status.textContent = box.getAttribute('data-failed') || ''; }
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart]').forEach(function (box) {
      if (!window.uPlot || !window.fetch) { return; }
      var buttons = box.querySelectorAll('[data-range]');
      buttons.forEach(function (button) {
        button.addEventListener('click', function () {
          buttons.forEach(function (b) { b.setAttribute('aria-pressed', b === button ? 'true' : 'false'); });
          draw(box, button.getAttribute('data-range'));
        });
      });
      draw(box, '1d');
    });
    window.addEventListener('resize', function () {
      document.querySelectorAll('[data-chart]').forEach(function (box) {
        if (box.plot) { box.plot.setSize(sizeOf(box)); }
      });
    });
  });
})();
