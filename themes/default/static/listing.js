// listing.js filters, searches, sorts and pages the project listing in
// place. The whole state lives in the URL query
// (?theme=youth&status=ongoing&q=kyla&sort=title&page=2), so a view can be
// bookmarked, shared and reloaded, and Back and Forward work. Without this
// script the page still lists every project and links the static page of
// every facet value. Plain JavaScript; no request leaves the site.
//
// The build writes, per language, a JSON index (the form's data-index) with
// what cards, filters and orders need, and one file of every project's
// folded words (data-search), fetched when a visitor first searches. Values
// combine with OR within a facet and with AND across facets, as in
// internal/facet; a search term matches inside any word of a project, as in
// internal/search. Cards are made from the page's <template>, which the
// build renders from the same layout as the server's cards. The library of
// good practices runs the same script on an index of practices whose
// cards come rendered.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var tpl = document.getElementById('card-template');
  if (!form || !tpl || !window.fetch || !window.URLSearchParams || !history.pushState || !tpl.content) return;

  var PAGE = 30;
  var d = form.dataset;
  var list = document.getElementById('results');
  var count = document.getElementById('result-count');
  var more = document.getElementById('result-more');
  var pager = document.getElementById('pager');
  var empty = document.getElementById('no-results');
  var q = form.elements.q;
  var sort = form.elements.sort;
  var defaultSort = sort.options[0].value;
  // The facets fold away on a phone, and show beside the list on a wide
  // screen.
  var panel = document.getElementById('facet-panel');
  panel.open = matchMedia('(min-width: 56rem)').matches;
  var clear = form.querySelector('.clear-filters');
  // The pattern card links to the listing: project pages are below it.
  // The library's index brings its cards made (ix.h) and has no pattern.
  var pattern = tpl.content.querySelector('.card-title a');
  var base = pattern ? pattern.getAttribute('href') : '';

  // boxes: facet key → value key → checkbox.
  var boxes = {};
  form.querySelectorAll('input[type=checkbox]').forEach(function (cb) {
    (boxes[cb.name] = boxes[cb.name] || new Map()).set(cb.value, cb);
  });

  var ix = null; // the index, once loaded
  var n = 0; // projects
  var W = 0; // 32-bit words of a project set
  var facets = []; // per facet of the index: {k, v, p, bits, tot, at}
  var dict = null; // the search words, separated by spaces
  var wordAt = null; // where each word starts in dict
  var ids = null; // the numbers of every project's words, project after project
  var idsAt = null; // where each project's numbers start in ids
  var hitCache = new Map(); // search term → projects
  var loading = {};
  var shown = null; // the choices of each facet and the search, as drawn
  var listed = ''; // the projects on the page, as drawn
  var cur = null; // the state being shown or loaded
  var pendingMode = null;
  var typing = false;

  function load(url) {
    return fetch(new URL(url, location.href)).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function loadIndex() {
    return loading.index || (loading.index = load(d.index).then(function (data) {
      n = data.id.length;
      W = (n + 31) >>> 5;
      facets = data.f.map(function (f) {
        var bits = f.v.map(function () { return new Uint32Array(W); });
        f.p.forEach(function (vs, i) {
          [].concat(vs).forEach(function (v) { bits[v][i >>> 5] |= 1 << (i & 31); });
        });
        var at = new Map();
        f.v.forEach(function (v, i) { at.set(v[0], i); });
        return { k: f.k, v: f.v, p: f.p, bits: bits, tot: bits.map(function (b) { return pop(b); }), at: at };
      });
      ix = data;
    }));
  }

  // loadWords loads the search file: a dictionary of every word, most
  // frequent first, and per project the numbers of its words (see
  // search.Index).
  function loadWords() {
    return loading.words || (loading.words = load(d.search).then(function (data) {
      var ws = [0];
      for (var at = data.d.indexOf(' '); at >= 0; at = data.d.indexOf(' ', at + 1)) ws.push(at + 1);
      ws.push(data.d.length + 1);
      var P = data.p;
      var out = [];
      var po = [0];
      var v = 0;
      var prev = 0;
      var digit = false;
      for (var i = 0; i <= P.length; i++) {
        var c = i < P.length ? P.charCodeAt(i) : 59;
        if (c === 44 || c === 59) { // , between numbers, ; between projects
          if (digit) out.push(prev += v);
          v = 0;
          digit = false;
          if (c === 59) {
            po.push(out.length);
            prev = 0;
          }
        } else {
          v = v * 36 + (c < 58 ? c - 48 : c - 87);
          digit = true;
        }
      }
      dict = data.d;
      wordAt = Int32Array.from(ws);
      ids = Int32Array.from(out);
      idsAt = Int32Array.from(po);
    }));
  }

  // Sets of projects are bitsets: Uint32Array with one bit per project.
  function pop(b) {
    var c = 0;
    for (var w = 0; w < b.length; w++) {
      var x = b[w];
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      c += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return c;
  }

  // and returns the intersection of the sets in ms, leaving out nulls; null
  // stands for every project.
  function and(ms) {
    var acc = null;
    ms.forEach(function (m) {
      if (!m) return;
      if (!acc) { acc = m.slice(); return; }
      for (var w = 0; w < W; w++) acc[w] &= m[w];
    });
    return acc;
  }

  function popAnd(a, b) {
    var c = 0;
    for (var w = 0; w < W; w++) {
      var x = a[w] & b[w];
      if (x) {
        x -= (x >>> 1) & 0x55555555;
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        c += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
    }
    return c;
  }

  // fold and terms follow locale.Fold and search.Terms.
  function terms(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC')
      .replace(/ß/g, 'ss').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // hits returns the projects one of whose words contains t.
  function hits(t) {
    var m = hitCache.get(t);
    if (m) return m;
    m = new Uint32Array(W);
    var hit = new Uint8Array(wordAt.length);
    var any = false;
    for (var at = dict.indexOf(t); at >= 0;) {
      var lo = 0;
      var hi = wordAt.length - 2;
      while (lo < hi) {
        var mid = (lo + hi + 1) >>> 1;
        if (wordAt[mid] <= at) lo = mid; else hi = mid - 1;
      }
      hit[lo] = 1;
      any = true;
      at = dict.indexOf(t, wordAt[lo + 1]);
    }
    for (var p = 0; any && p < n; p++) {
      for (var k = idsAt[p], end = idsAt[p + 1]; k < end; k++) {
        if (hit[ids[k]]) {
          m[p >>> 5] |= 1 << (p & 31);
          break;
        }
      }
    }
    if (hitCache.size > 64) hitCache.clear();
    hitCache.set(t, m);
    return m;
  }

  function emptyState() { return { f: {}, q: '', sort: sort.value, page: 1 }; }

  function fromURL() {
    var u = new URLSearchParams(location.search);
    var st = emptyState();
    Object.keys(boxes).forEach(function (k) {
      var on = [];
      u.getAll(k).forEach(function (s) {
        s.split(',').forEach(function (v) {
          if (boxes[k].has(v) && on.indexOf(v) < 0) on.push(v);
        });
      });
      if (on.length) st.f[k] = on;
    });
    st.q = (u.get('q') || '').trim();
    st.sort = u.get('sort') || defaultSort;
    if (!sort.querySelector('option[value="' + CSS.escape(st.sort) + '"]')) st.sort = defaultSort;
    st.page = Math.max(1, parseInt(u.get('page'), 10) || 1);
    return st;
  }

  function fromForm() {
    var st = emptyState();
    Object.keys(boxes).forEach(function (k) {
      var on = [];
      boxes[k].forEach(function (cb, v) { if (cb.checked) on.push(v); });
      if (on.length) st.f[k] = on;
    });
    st.q = q.value.trim();
    return st;
  }

  function toForm(st) {
    Object.keys(boxes).forEach(function (k) {
      var on = st.f[k] || [];
      boxes[k].forEach(function (cb, v) { cb.checked = on.indexOf(v) >= 0; });
      if (on.length) {
        boxes[k].values().next().value.closest('details').open = true;
        panel.open = true;
      }
    });
    if (q.value.trim() !== st.q) q.value = st.q;
    sort.value = st.sort;
  }

  // href returns the address of a state's page: the query holds only what
  // differs from the plain listing.
  function href(st, page) {
    var u = new URLSearchParams();
    Object.keys(boxes).forEach(function (k) {
      (st.f[k] || []).forEach(function (v) { u.append(k, v); });
    });
    if (st.q) u.set('q', st.q);
    if (st.sort !== defaultSort) u.set('sort', st.sort);
    if (page > 1) u.set('page', page);
    var s = u.toString();
    return location.pathname + (s ? '?' + s : '');
  }

  function num(x) { return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, d.sep); }

  function text(e, s) { e.textContent = s; }

  function lang(e, l) {
    if (l) e.setAttribute('lang', l); else e.removeAttribute('lang');
  }

  // drop removes an optional part of a card with the line break the layout
  // writes after it, as the server's cards leave both out.
  function drop(e) {
    var ws = e.nextSibling;
    if (ws && ws.nodeType === 3 && !ws.data.trim()) ws.remove();
    e.remove();
  }

  function labels(key, i) {
    var f = facets.filter(function (f) { return f.k === key; })[0];
    if (!f) return [];
    return [].concat(f.p[i]).map(function (v) { return f.v[v]; });
  }

  function fill(card, part, s) {
    var e = card.querySelector('.meta-' + part);
    if (s) text(e.lastElementChild, s); else drop(e);
  }

  function card(i) {
    var li = tpl.content.firstElementChild.cloneNode(true);
    if (ix.h) {
      // Rendered by the build from the site's escaped text.
      li.innerHTML = ix.h[i];
      return li;
    }
    var c = li.firstElementChild;
    var fb = ix.l[i];
    c.className = fb ? 'card card-fallback' : 'card';
    var a = c.querySelector('.card-title a');
    a.setAttribute('href', base + ix.id[i] + '/');
    text(a, ix.t[i]);
    lang(a, fb);
    var s = c.querySelector('.card-summary');
    text(s, ix.s[i]);
    lang(s, fb);
    var status = labels('status', i)[0];
    var st = c.querySelector('.meta-status .status');
    st.className = 'status status-' + status[0];
    text(st, status[1]);
    fill(c, 'period', ix.p[i]);
    text(c.querySelector('.meta-organisation').lastElementChild, ix.o[i]);
    fill(c, 'budget', ix.b[i]);
    fill(c, 'region', labels('region', i).map(function (v) { return v[1]; }).join(', '));
    fill(c, 'themes', labels('theme', i).map(function (v) { return v[1]; }).join(', '));
    var note = c.querySelector('.card-note');
    if (fb) text(note, ix.n[fb]); else drop(note);
    return li;
  }

  function link(page, label, st, rel, current) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = href(st, page);
    text(a, label);
    if (rel) a.rel = rel;
    if (current) a.setAttribute('aria-current', 'page');
    li.appendChild(a);
    return li;
  }

  // paginate writes the pagination of the results: the pages next to this
  // one, the first and the last.
  function paginate(st, page, pages) {
    pager.textContent = '';
    if (pages < 2) return;
    var nav = document.createElement('nav');
    nav.className = 'pagination';
    nav.setAttribute('aria-label', d.pages);
    var ul = document.createElement('ul');
    if (page > 1) ul.appendChild(link(page - 1, d.prev, st, 'prev'));
    var last = 0;
    for (var k = 1; k <= pages; k++) {
      if (k === 1 || k === pages || Math.abs(k - page) <= 2) {
        if (k > last + 1) {
          var gap = document.createElement('li');
          gap.setAttribute('aria-hidden', 'true');
          text(gap, '…');
          ul.appendChild(gap);
        }
        ul.appendChild(link(k, num(k), st, '', k === page));
        last = k;
      }
    }
    if (page < pages) ul.appendChild(link(page + 1, d.next, st, 'next'));
    nav.appendChild(ul);
    pager.appendChild(nav);
  }

  // countFacet writes the count of each value of facet i: how many
  // projects it gives with the other facets' choices and the search. A
  // facet folded away is counted when it opens.
  function countFacet(f, i) {
    var det = f.det || (f.det = form.querySelector('details[data-facet="' + f.k + '"]'));
    if (!det || !det.open || !panel.open) {
      f.stale = true;
      return;
    }
    f.stale = false;
    var others = and(shown.masks.filter(function (m, j) { return j !== i; }).concat([shown.tm]));
    f.v.forEach(function (v, vi) {
      var cb = boxes[f.k].get(v[0]);
      var c = others ? popAnd(others, f.bits[vi]) : f.tot[vi];
      var label = cb.parentNode;
      var span = label.querySelector('.count');
      var s = '(' + num(c) + ')';
      if (span.textContent !== s) text(span, s);
      label.classList.toggle('is-zero', c === 0);
    });
  }

  // draw shows a state: the counts of every value, one page of cards and
  // the address.
  function draw(st, mode) {
    var masks = facets.map(function (f) {
      var on = st.f[f.k];
      if (!on) return null;
      var m = new Uint32Array(W);
      on.forEach(function (v) {
        var b = f.bits[f.at.get(v)];
        for (var w = 0; w < W; w++) m[w] |= b[w];
      });
      return m;
    });
    var tm = st.q ? and(terms(st.q).map(hits)) : null;
    shown = { masks: masks, tm: tm };
    facets.forEach(countFacet);
    var all = and(masks.concat([tm]));
    var total = all ? pop(all) : n;
    var pages = Math.max(1, Math.ceil(total / PAGE));
    var page = Math.min(st.page, pages);
    st.page = page;
    var from = (page - 1) * PAGE;
    var order = ix.r[st.sort];
    var items = [];
    for (var k = 0, seen = 0; k < n && items.length < PAGE; k++) {
      var i = order[k];
      if (all && !((all[i >>> 5] >>> (i & 31)) & 1)) continue;
      if (seen++ < from) continue;
      items.push(i);
    }
    // While a search narrows, the page often stays the same: leave it.
    if (items.join() !== listed) {
      var frag = document.createDocumentFragment();
      items.forEach(function (i) { frag.appendChild(card(i)); });
      list.textContent = '';
      list.appendChild(frag);
      listed = items.join();
    }
    empty.hidden = total > 0;
    clear.hidden = !st.q && !Object.keys(st.f).length;
    var c = (total === 1 ? d.countOne : d.countOther).replace('{n}', num(total));
    if (count.textContent !== c) text(count, c);
    var note = sort.options[sort.selectedIndex].text;
    text(more, (pages > 1 ? ' · ' + d.pageOf.replace('{page}', num(page)).replace('{pages}', num(pages)) : '') +
      ' · ' + note.charAt(0).toLowerCase() + note.slice(1));
    paginate(st, page, pages);
    if (mode) setURL(href(st, page), mode);
  }

  // Writing the history takes Chrome several milliseconds, so the address
  // follows the list: after the frame for a change, and once typing pauses
  // for a search.
  var urlNext = null;
  var urlTimer = 0;
  function setURL(url, mode) {
    if (mode === 'push') flushURL();
    urlNext = { url: url, mode: urlNext && urlNext.mode === 'push' ? 'push' : mode };
    clearTimeout(urlTimer);
    urlTimer = setTimeout(flushURL, mode === 'push' ? 0 : 400);
  }
  function flushURL() {
    clearTimeout(urlTimer);
    var u = urlNext;
    urlNext = null;
    if (u && u.url !== location.pathname + location.search) {
      history[u.mode === 'push' ? 'pushState' : 'replaceState'](null, '', u.url);
    }
  }

  // show loads what a state needs, then draws it. mode says what happens to
  // the history: 'push' a new entry, 'replace' the current one, or nothing.
  function show(st, mode) {
    cur = st;
    if (mode === 'push' || !pendingMode) pendingMode = mode;
    var need = [];
    if (!ix) need.push(loadIndex());
    if (st.q && !dict) need.push(loadWords());
    if (!need.length) {
      draw(st, pendingMode);
      pendingMode = null;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    Promise.all(need).then(function () {
      if (cur === st) show(st, null);
    }, function () {
      // The server's list stays; the filters wait for the next change.
      loading = {};
    }).then(function () {
      if (cur === st) list.removeAttribute('aria-busy');
    });
  }

  form.addEventListener('change', function (e) {
    if (e.target === q) return;
    typing = false;
    show(fromForm(), 'push');
  });
  q.addEventListener('input', function () {
    show(fromForm(), typing ? 'replace' : 'push');
    typing = true;
  });
  q.addEventListener('focus', function () { loadWords().catch(function () {}); });
  form.addEventListener('focusin', function () { loadIndex().catch(function () {}); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
    if (a.classList.contains('clear-filters')) {
      e.preventDefault();
      typing = false;
      var st = emptyState();
      toForm(st);
      show(st, 'push');
    } else if (pager.contains(a) && a.pathname === location.pathname) {
      e.preventDefault();
      typing = false;
      flushURL();
      history.pushState(null, '', a.href);
      show(fromURL(), null);
      count.parentNode.scrollIntoView();
      list.focus({ preventScroll: true });
    }
  });
  window.addEventListener('popstate', function () {
    typing = false;
    urlNext = null;
    var st = fromURL();
    toForm(st);
    show(st, null);
  });

  form.addEventListener('toggle', function () {
    facets.forEach(function (f, i) { if (f.stale && shown) countFacet(f, i); });
  }, true);
  window.addEventListener('pagehide', flushURL);
  list.setAttribute('tabindex', '-1');
  clear.hidden = true;
  form.hidden = false;
  document.getElementById('browse').hidden = true;
  if (location.search) {
    var st = fromURL();
    toForm(st);
    show(st, 'replace');
  }
})();
