/**
 * The aligned page's only script (everything else works without it):
 * hovering or focusing a segment, or arriving at `#<id>`, highlights the same
 * segment in every column (the pointer's segment first, then the focused one, then the target); a deep link into a hidden column scrolls to the
 * first visible counterpart instead. Kept as plain ES2017 so it runs as written.
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
  document.addEventListener('focusin', function (event) {
    var id = segmentOf(event.target);
    if (id) light(id);
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
})();`
