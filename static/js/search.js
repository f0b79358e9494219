/* briefgen search page: loads the JSON search index written by the build
 * (generator/search documents its format), indexes it in the browser with
 * the vendored MiniSearch (static/vendor/minisearch/) and shows the results
 * grouped by kind: actors, articles, quotations.
 *
 * Everything from the index is article text and may be hostile: it is only
 * ever inserted with textContent / text nodes, never as HTML. Links are the
 * site's base path (data-base) joined with the index's site paths. The query
 * lives in ?q= so results can be linked to.
 */
(function () {
  'use strict';

  var root = document.getElementById('search');
  if (!root || !window.fetch) { return; }
  var form = root.querySelector('form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var out = document.getElementById('search-results');
  var base = (root.getAttribute('data-base') || '/').replace(/\/+$/, '');
  var indexURL = root.getAttribute('data-index');

  var FIRST = 10;   // results shown per group at first
  var MORE = 50;    // results added by "Show more"
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var KINDS = { person: 'Person', organization: 'Organization', place: 'Place', other: 'Other' };

  var data = null;     // the parsed index
  var engine = null;   // the MiniSearch index, once built
  var nArticles = 0, nActors = 0;
  var timer = 0;
  var indexing = 0;    // percent of the documents indexed, while indexing

  form.hidden = false;
  if (typeof window.MiniSearch !== 'function') {
    say('Search could not start: its script did not load.');
    return;
  }

  // fold lower-cases a word and strips its accents, so "Inacio" finds
  // "Inácio".
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function say(text) { status.textContent = text; }

  function plural(n, one, many) { return n === 1 ? '1 ' + one : n.toLocaleString('en') + ' ' + many; }

  function link(path) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.indexOf('//') === 0) { return '#'; } // never follow outside links
    return base + (path.charAt(0) === '/' ? path : '/' + path);
  }

  function shortDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) { return ''; }
    return MONTHS[+m[2] - 1] + ' ' + (+m[3]) + ', ' + m[1];
  }

  function briefingTitle(i) {
    var b = data.briefings[i];
    return b ? b.t : '';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  // highlight appends text to parent, wrapping the words that matched the
  // query (terms, folded) in <mark>. Only text nodes are created.
  function highlight(parent, text, terms) {
    if (!terms || !terms.length) { parent.appendChild(document.createTextNode(text)); return parent; }
    var words = /[\p{L}\p{N}]+/gu, last = 0, m;
    while ((m = words.exec(text)) !== null) {
      if (terms.indexOf(fold(m[0])) < 0) { continue; }
      if (m.index > last) { parent.appendChild(document.createTextNode(text.slice(last, m.index))); }
      parent.appendChild(el('mark', 'search-hit', m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
    return parent;
  }

  // documents turns the index into MiniSearch documents: ids are positions
  // in articles, then actors, then quotes.
  function documents() {
    var docs = [], i, a, p, q;
    for (i = 0; i < data.articles.length; i++) {
      a = data.articles[i];
      docs.push({ id: docs.length, title: a.t, text: a.x || '', extra: [a.o || '', briefingTitle(a.b), a.d || ''].join(' ') });
    }
    for (i = 0; i < data.actors.length; i++) {
      p = data.actors[i];
      docs.push({ id: docs.length, title: [p.n].concat(p.a || []).join(' '), text: (p.r || []).join(' '), extra: briefingTitle(p.b) });
    }
    for (i = 0; i < data.quotes.length; i++) {
      q = data.quotes[i];
      docs.push({ id: docs.length, title: q.s || '', text: q.q, extra: '' });
    }
    return docs;
  }

  // build indexes the documents in chunks so the page stays responsive on
  // large sites. Articles and actors come first; the search runs as soon as
  // the first chunk is in and again when the last one is.
  function build(ms, docs) {
    var at = 0, chunk = 4000;
    return new Promise(function (resolve) {
      (function step() {
        ms.addAll(docs.slice(at, at + chunk));
        at += chunk;
        if (at < docs.length) {
          indexing = Math.round(100 * at / docs.length);
          if (!engine) { engine = ms; }
          if (!out.contains(document.activeElement)) { run(input.value); } // do not move the reader's focus
          setTimeout(step, 0);
        } else {
          indexing = 0;
          resolve(ms);
        }
      })();
    });
  }

  function newEngine() {
    return new window.MiniSearch({
      fields: ['title', 'text', 'extra'],
      storeFields: [],
      processTerm: function (term) { return fold(term); },
      searchOptions: {
        boost: { title: 3, extra: 0.5 },
        prefix: true,
        fuzzy: function (term) { return term.length > 4 ? 0.2 : false; },
        combineWith: 'AND'
      }
    });
  }

  function ready() {
    if (indexing) { say('Preparing the search… ' + indexing + '%'); return; }
    say('Type to search ' + plural(data.articles.length, 'article', 'articles') + ', ' +
      plural(data.actors.length, 'actor', 'actors') + ' and ' +
      plural(data.quotes.length, 'quotation', 'quotations') + '.');
  }

  function articleItem(i, terms) {
    var a = data.articles[i];
    var li = el('li', 'search-result search-result--article');
    var h = el('h3', 'search-result__title');
    var ln = el('a', 'search-result__link');
    ln.href = link(a.u);
    highlight(ln, a.t, terms);
    h.appendChild(ln);
    li.appendChild(h);
    var meta = [a.o, shortDate(a.d), briefingTitle(a.b)].filter(Boolean);
    if (meta.length) { li.appendChild(el('p', 'search-result__meta', meta.join(' · '))); }
    if (a.x) { li.appendChild(highlight(el('p', 'search-result__text'), a.x, terms)); }
    return li;
  }

  // actorItem shows one actor: the entries of every briefing that has an
  // actor of that name and kind (list, best match first) as one result.
  function actorItem(list, terms) {
    var p = data.actors[list[0]];
    var li = el('li', 'search-result search-result--actor search-result--' + (KINDS[p.k] ? p.k : 'other'));
    var h = el('h3', 'search-result__title');
    var ln = el('a', 'search-result__link');
    ln.href = link(p.u);
    highlight(ln, p.n, terms);
    h.appendChild(ln);
    if (p.a && p.a.length) { highlight(h.appendChild(el('span', 'search-result__aliases')), ' (' + p.a.join(', ') + ')', terms); }
    li.appendChild(h);
    var meta = [KINDS[p.k] || 'Other'];
    if (list.length === 1) {
      meta.push(briefingTitle(p.b));
      if (p.c > 1) { meta.push('in ' + p.c + ' articles'); }
    } else {
      meta.push('in ' + list.length.toLocaleString('en') + ' briefings');
    }
    li.appendChild(el('p', 'search-result__meta', meta.filter(Boolean).join(' · ')));
    if (p.r && p.r.length) { li.appendChild(highlight(el('p', 'search-result__text'), p.r.join('; '), terms)); }
    if (list.length > 1) {
      var inb = el('p', 'search-result__in');
      var shown = Math.min(list.length, 6);
      for (var k = 0; k < shown; k++) {
        var e = data.actors[list[k]];
        if (k) { inb.appendChild(document.createTextNode(' · ')); }
        var a = el('a', '', briefingTitle(e.b) || e.n);
        a.href = link(e.u);
        inb.appendChild(a);
      }
      if (list.length > shown) { inb.appendChild(document.createTextNode(' and ' + (list.length - shown).toLocaleString('en') + ' more')); }
      li.appendChild(inb);
    }
    return li;
  }

  function quoteItem(i, terms) {
    var q = data.quotes[i];
    var a = data.articles[q.a] || { t: '', u: '/' };
    var li = el('li', 'search-result search-result--quote');
    var bq = el('blockquote', 'search-result__quote');
    var ln = el('a', 'search-result__link');
    ln.href = link(a.u + '#' + q.h);
    ln.appendChild(document.createTextNode('“'));
    highlight(ln, q.q, terms);
    ln.appendChild(document.createTextNode('”'));
    bq.appendChild(ln);
    li.appendChild(bq);
    var meta = el('p', 'search-result__meta');
    if (q.s) {
      meta.appendChild(document.createTextNode('— '));
      highlight(meta.appendChild(el('span', 'search-result__speaker')), q.s, terms);
    } else {
      meta.appendChild(el('span', 'muted', 'no speaker named'));
    }
    meta.appendChild(document.createTextNode(', in '));
    meta.appendChild(el('cite', '', a.t));
    var src = [a.o, shortDate(a.d)].filter(Boolean).join(', ');
    if (src) { meta.appendChild(document.createTextNode(' (' + src + ')')); }
    if (q.c > 1) { meta.appendChild(document.createTextNode(' and ' + plural(q.c - 1, 'other source', 'other sources'))); }
    li.appendChild(meta);
    return li;
  }

  // group renders one kind of result with a "Show more" button.
  function group(key, title, hits, item) {
    var sec = el('section', 'search-group search-group--' + key);
    sec.setAttribute('aria-labelledby', 'search-group-' + key);
    var h = el('h2', 'search-group__title', title + ' ');
    h.id = 'search-group-' + key;
    h.appendChild(el('span', 'search-group__count', '(' + hits.length.toLocaleString('en') + ')'));
    sec.appendChild(h);
    var list = el('ol', 'search-results');
    sec.appendChild(list);
    var shown = 0;
    var more = el('button', 'search-group__more');
    more.type = 'button';
    function show(n) {
      var end = Math.min(hits.length, shown + n), first = null;
      for (; shown < end; shown++) {
        var li = item(hits[shown].i, hits[shown].terms);
        list.appendChild(li);
        if (!first) { first = li; }
      }
      if (shown < hits.length) {
        more.textContent = 'Show more ' + title.toLowerCase() + ' (' + (hits.length - shown).toLocaleString('en') + ' left)';
      } else if (more.parentNode) {
        more.parentNode.removeChild(more);
      }
      return first;
    }
    show(FIRST);
    if (shown < hits.length) {
      more.addEventListener('click', function () {
        var first = show(MORE);
        var a = first && first.querySelector('a');
        if (a) { a.focus(); }
      });
      sec.appendChild(more);
    }
    return sec;
  }

  function run(q) {
    out.textContent = '';
    q = q.trim();
    if (!engine) { return; }
    if (!q) { ready(); return; }
    var res = engine.search(q);
    var arts = [], acts = [], quotes = [], byName = Object.create(null);
    for (var k = 0; k < res.length; k++) {
      var r = res[k], id = r.id;
      if (id < nArticles) {
        arts.push({ i: id, terms: r.terms });
      } else if (id < nArticles + nActors) {
        var ai = id - nArticles, p = data.actors[ai], key = p.k + '\u0000' + fold(p.n);
        if (byName[key]) {
          byName[key].i.push(ai);
        } else {
          byName[key] = { i: [ai], terms: r.terms };
          acts.push(byName[key]);
        }
      } else {
        quotes.push({ i: id - nArticles - nActors, terms: r.terms });
      }
    }
    if (!res.length) {
      say('Nothing found for “' + q + '”' + (indexing ? ' so far (' + indexing + '% searched).' : '.'));
      return;
    }
    say(plural(acts.length, 'actor', 'actors') + ', ' + plural(arts.length, 'article', 'articles') + ' and ' +
      plural(quotes.length, 'quotation', 'quotations') + ' match “' + q + '”' +
      (indexing ? ' so far (' + indexing + '% searched).' : '.'));
    // Actors first: one compact result per person or organization, often
    // what a name search is after.
    if (acts.length) { out.appendChild(group('actors', 'Actors', acts, actorItem)); }
    if (arts.length) { out.appendChild(group('articles', 'Articles', arts, articleItem)); }
    if (quotes.length) { out.appendChild(group('quotes', 'Quotations', quotes, quoteItem)); }
  }

  // remember puts the query in the address (?q=) without a new history entry.
  function remember(q) {
    if (!window.history || !history.replaceState) { return; }
    var url = new URL(window.location.href);
    if (q) { url.searchParams.set('q', q); } else { url.searchParams.delete('q'); }
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember(input.value.trim());
      run(input.value);
    }, 120);
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    remember(input.value.trim());
    run(input.value);
    var a = out.querySelector('a');
    if (a) { a.focus(); }
  });

  // Arrow keys move between the input and the result links; Escape
  // clears the query.
  function links() { return Array.prototype.slice.call(out.querySelectorAll('a.search-result__link')); }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var ls = links();
      if (ls.length) { e.preventDefault(); ls[0].focus(); }
    } else if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      input.value = '';
      remember('');
      run('');
    }
  });
  out.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') { return; }
    var ls = links(), i = ls.indexOf(document.activeElement);
    if (i < 0) { return; }
    e.preventDefault();
    if (e.key === 'ArrowDown' && i + 1 < ls.length) { ls[i + 1].focus(); }
    if (e.key === 'ArrowUp') { (i > 0 ? ls[i - 1] : input).focus(); }
  });

  var initial = new URLSearchParams(window.location.search).get('q') || '';
  input.value = initial;
  say('Loading the search index…');
  fetch(indexURL, { credentials: 'same-origin' })
    .then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    })
    .then(function (json) {
      if (!json || json.v !== 1) { throw new Error('unknown index format'); }
      data = json;
      nArticles = data.articles.length;
      nActors = data.actors.length;
      return build(newEngine(), documents());
    })
    .then(function (ms) {
      engine = ms;
      root.setAttribute('data-ready', 'true');
      run(input.value);
    })
    .catch(function (err) {
      say('The search index could not be loaded (' + err.message + '). Browse the briefings instead.');
    });
}());
