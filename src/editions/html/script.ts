/**
 * The aligned page's only script (everything else works without it):
 * hovering or focusing a segment, or arriving at `#<id>`, highlights the same
 * segment in every column (the pointer's segment first, then the focused one, then the target); a deep link into a hidden column scrolls to the
 * first visible counterpart instead. Each row of the grid is one tab stop
 * (roving tabindex): the segment last focused in it, at first its first;
 * the arrow keys, Home and End move between the row's visible segments, and
 * hiding a column moves a row's stop to a segment still shown. Kept as
 * plain ES2017 so it runs as written; the Content-Security-Policy allows it
 * by its hash.
 */
export const ALIGNED_SCRIPT = `(function () {
  var lit = [];
  function same(id) { return document.querySelectorAll('[data-seg="' + CSS.escape(id) + '"]'); }
  function light(id) {
    lit.forEach(function (el) { el.classList.remove('hl'); });
    lit = id ? Array.prototype.slice.call(same(id)) : [];
    lit.forEach(function (el) { el.classList.add('hl'); });
  }
  function segmentOf(node) {
    var el = node instanceof Element ? node.closest('[data-seg]') : null;
    return el ? el.getAttribute('data-seg') : null;
  }
  function hashId() {
    try { return decodeURIComponent(location.hash.slice(1)) || null; } catch (error) { return null; }
  }
  // What stays lit when the pointer leaves: the focused segment, else the deep-link target.
  function resting() { return segmentOf(document.activeElement) || hashId(); }
  document.addEventListener('mouseover', function (event) {
    var id = segmentOf(event.target);
    if (id) light(id);
  });
  document.addEventListener('mouseout', function (event) {
    if (segmentOf(event.target) && !segmentOf(event.relatedTarget)) light(resting());
  });
  function shown(row) {
    return Array.prototype.filter.call(row.querySelectorAll('.seg[tabindex]'), function (el) { return el.getClientRects().length > 0; });
  }
  function rove(seg) {
    var row = seg.closest('.row');
    if (!row) return;
    Array.prototype.forEach.call(row.querySelectorAll('.seg[tabindex="0"]'), function (el) { el.setAttribute('tabindex', '-1'); });
    seg.setAttribute('tabindex', '0');
  }
  function restop() {
    Array.prototype.forEach.call(document.querySelectorAll('.row'), function (row) {
      var stop = row.querySelector('.seg[tabindex="0"]');
      if (stop && stop.getClientRects().length > 0) return;
      var first = shown(row)[0];
      if (first) rove(first);
    });
  }
  var MOVES = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity};
  document.addEventListener('keydown', function (event) {
    var seg = event.target instanceof Element && event.target.matches('.row .seg[tabindex]') ? event.target : null;
    if (!seg || !Object.prototype.hasOwnProperty.call(MOVES, event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    var segs = shown(seg.closest('.row'));
    var next = segs[Math.max(0, Math.min(segs.length - 1, segs.indexOf(seg) + MOVES[event.key]))];
    // At either end of the row the key does what it does elsewhere (scrolls).
    if (!next || next === seg) return;
    event.preventDefault();
    next.focus();
  });
  document.addEventListener('change', function (event) {
    if (event.target instanceof Element && event.target.closest('.columns')) restop();
  });
  document.addEventListener('focusin', function (event) {
    var id = segmentOf(event.target);
    if (id) light(id);
    if (event.target instanceof Element && event.target.matches('.row .seg[tabindex]')) rove(event.target);
  });
  document.addEventListener('focusout', function (event) {
    if (!segmentOf(event.relatedTarget)) light(hashId());
  });
  function arrive() {
    var id = hashId();
    if (!id) return;
    light(id);
    var target = document.getElementById(id);
    if (target && target.getClientRects().length) return;
    var visible = Array.prototype.find.call(same(id), function (el) { return el.getClientRects().length > 0; });
    if (visible) visible.scrollIntoView();
  }
  window.addEventListener('hashchange', arrive);
  arrive();
  // A column the browser kept hidden from the last visit.
  if (document.querySelector('.columns input:not(:checked)')) restop();
})();`
