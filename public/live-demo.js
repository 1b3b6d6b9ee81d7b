// The live-coverage demo reader (public/live-demo.html): entries newest first, then the stream from their lastEventId.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var id = params.get('documentId') || '';
  var locale = params.get('locale') || 'ar';
  var list = document.getElementById('entries');
  var words = locale === 'ar' ? { pinned: 'مثبت', key: 'حدث رئيسي' } : { pinned: 'Pinned', key: 'Key event' };
  var state = document.getElementById('state');
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';

  function setState(name, text) {
    state.dataset.streamState = name;
    state.textContent = text;
  }
  function textOf(body) {
    return (body || []).map(function (b) {
      return (b.children || []).map(function (c) { return c.text || ''; }).join('');
    }).join('\n\n');
  }
  function render(e) {
    var li = document.createElement('li');
    li.dataset.entry = e.documentId;
    li.dataset.pinned = String(!!e.pinned);
    li.dataset.postedAt = e.postedAt || '';
    var time = document.createElement('time');
    time.dateTime = e.postedAt || '';
    time.textContent = e.postedAt ? new Date(e.postedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : '';
    li.appendChild(time);
    if (e.pinned || e.isKeyEvent) {
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = (e.pinned ? ' · ' + words.pinned : '') + (e.isKeyEvent ? ' · ' + words.key : '');
      li.appendChild(badge);
    }
    if (e.title) {
      var h = document.createElement('h2');
      h.dir = 'auto';
      h.textContent = e.title;
      li.appendChild(h);
    }
    var p = document.createElement('p');
    p.dir = 'auto';
    p.style.whiteSpace = 'pre-wrap';
    p.textContent = textOf(e.body);
    li.appendChild(p);
    return li;
  }
  /** Newest first by postedAt: a new entry goes on top, an edited one stays in place. */
  function upsert(e, fresh) {
    var li = render(e);
    if (fresh) li.className = 'new';
    var old = list.querySelector('[data-entry="' + e.documentId + '"]');
    if (old) return list.replaceChild(li, old);
    var after = Array.prototype.find.call(list.children, function (x) { return x.dataset.postedAt < (e.postedAt || ''); });
    list.insertBefore(li, after || null);
  }
  function remove(documentId) {
    var old = list.querySelector('[data-entry="' + documentId + '"]');
    if (old) old.remove();
  }

  fetch('/api/live/' + encodeURIComponent(id) + '/entries?limit=50&locale=' + encodeURIComponent(locale))
    .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
    .then(function (r) {
      if (!r.ok) throw new Error((r.json.error && r.json.error.message) || 'not found');
      document.getElementById('title').textContent = r.json.meta.coverage.title;
      document.title = r.json.meta.coverage.title;
      r.json.data.forEach(function (e) { upsert(e, false); });
      var es = new EventSource('/api/live/' + encodeURIComponent(id) + '/stream?locale=' + encodeURIComponent(locale) + '&lastEventId=' + r.json.meta.lastEventId);
      es.onopen = function () { setState('open', 'مباشر · Live'); };
      es.onerror = function () { setState('reconnecting', 'إعادة الاتصال · Reconnecting'); };
      es.addEventListener('entry', function (m) { upsert(JSON.parse(m.data), true); });
      es.addEventListener('update', function (m) { upsert(JSON.parse(m.data), false); });
      es.addEventListener('delete', function (m) { remove(JSON.parse(m.data).documentId); });
      es.addEventListener('end', function () { es.close(); setState('ended', 'انتهت التغطية · Coverage ended'); });
    })
    .catch(function (err) { setState('error', String(err.message || err)); });
})();
