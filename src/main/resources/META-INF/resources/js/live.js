// The live conversation (docs/live.md), an enhancement only: without it the page is complete and a reload shows
// everything. New comments are not pushed into the text being read: a bar says how many arrived, and pressing it
// puts them in place. Vote counts, edits and removals change in place. The stream is closed as soon as the tab is
// hidden and resumed from the last event seen when it is visible again.
(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute('data-live');
  var section = document.getElementById('comments');
  if (!url || !section || !window.EventSource || !document.createElement('template').content) {
    return;
  }
  var source = null;
  var lastId = null;
  var retryTimer = null;
  var pending = []; // { id, parent, html } in arrival order
  var bar = null;
  var ended = false;

  function sort() {
    var current = section.querySelector('nav.sort [aria-current]');
    return current ? current.textContent.trim() : 'oldest';
  }

  function element(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function comment(id) {
    return document.getElementById('c' + id);
  }

  function threadList(create) {
    var list = section.querySelector('ol.thread');
    if (!list && create) {
      list = document.createElement('ol');
      list.className = 'thread';
      var empty = section.querySelector('p.empty');
      if (empty) {
        empty.parentNode.replaceChild(list, empty);
      } else {
        section.insertBefore(list, section.querySelector('.feed-link'));
      }
    }
    return list;
  }

  // Where a new comment belongs on this page, or null when it belongs on another page of threads.
  function placeFor(item) {
    if (item.parent) {
      var parent = comment(item.parent);
      return parent ? { parent: parent } : null;
    }
    var order = sort();
    if (order === 'newest') {
      return section.querySelector('a[rel=prev]') ? null : { top: true };
    }
    return section.querySelector('a[rel=next]') ? null : { top: true };
  }

  function insert(item) {
    var place = placeFor(item);
    var node = element(item.html);
    if (!place || !node || comment(item.id)) {
      return null;
    }
    var list;
    if (place.parent) {
      var holder = place.parent.querySelector(':scope > details.thread-fold') || place.parent;
      list = holder.querySelector(':scope > ol.replies');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'replies';
        holder.appendChild(list);
      }
    } else {
      list = threadList(true);
    }
    if (sort() === 'newest') {
      list.insertBefore(node, list.firstElementChild);
    } else {
      list.appendChild(node);
    }
    return node;
  }

  function showBar(text, action) {
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'live-bar';
      bar.setAttribute('role', 'status');
      bar.setAttribute('aria-live', 'polite');
      var heading = document.getElementById('comments-title');
      heading.parentNode.insertBefore(bar, heading.nextSibling);
    }
    bar.textContent = '';
    if (!text) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'live-show';
    button.textContent = text;
    button.addEventListener('click', action);
    bar.appendChild(button);
  }

  function updateBar() {
    var n = pending.length;
    showBar(n ? n + (n === 1 ? ' new comment' : ' new comments') + ' \u2014 show' : '', showPending);
  }

  function showPending() {
    var first = null;
    pending.forEach(function (item) {
      var node = insert(item);
      first = first || node;
    });
    pending = [];
    updateBar();
    if (first) {
      var article = first.querySelector('article');
      article.setAttribute('tabindex', '-1');
      article.focus();
    }
  }

  /** A comment's own article: the first under its item (a thread's fold and a muted fold may wrap it; replies follow it). */
  function ownArticle(item) {
    return item.querySelector('article');
  }

  function replaceArticle(existing, html) {
    var fresh = element(html);
    var old = ownArticle(existing);
    var replacement = fresh && ownArticle(fresh);
    if (old && replacement) {
      existing.className = fresh.className;
      old.parentNode.replaceChild(replacement, old);
    }
  }

  var handlers = {
    comment: function (data) {
      var existing = comment(data.id);
      if (existing) { // already here: the reader's own, or a placeholder for a comment now visible again
        if (existing.classList.contains('comment-placeholder')) {
          replaceArticle(existing, data.html);
        }
        return;
      }
      if (placeFor(data) && !pending.some(function (p) { return p.id === data.id; })) {
        pending.push(data);
        updateBar();
      }
    },
    votes: function (data) {
      var existing = comment(data.id);
      var own = existing && ownArticle(existing);
      var actions = own && own.querySelector('.comment-actions');
      if (!actions) {
        return;
      }
      var count = actions.querySelector('button[name=vote]') || actions.querySelector('.votes');
      if (count) {
        count.textContent = 'Up ' + data.up;
      }
    },
    edited: function (data) {
      pending.forEach(function (p) { if (p.id === data.id) { p.html = data.html; } });
      var existing = comment(data.id);
      var fresh = element(data.html);
      if (!existing || !fresh) {
        return;
      }
      var own = ownArticle(existing);
      var body = own && own.querySelector('.comment-body');
      var header = own && own.querySelector('.comment-meta');
      if (body) {
        body.innerHTML = fresh.querySelector('.comment-body').innerHTML;
      }
      var mark = fresh.querySelector('.comment-meta .edited');
      if (header && mark && !header.querySelector('.edited')) {
        header.appendChild(mark);
      }
    },
    removed: function (data) {
      var before = pending.length;
      pending = pending.filter(function (p) { return p.id !== data.id; });
      if (pending.length !== before) {
        updateBar();
      }
      var existing = comment(data.id);
      if (existing) {
        replaceArticle(existing, data.html);
      }
    },
    reload: function () {
      ended = true;
      stop();
      pending = [];
      showBar('The conversation has moved on \u2014 reload the page', function () { window.location.reload(); });
    }
  };

  function start() {
    if (ended || source || document.visibilityState === 'hidden') {
      return;
    }
    source = new EventSource(lastId ? url + '?lastEventId=' + encodeURIComponent(lastId) : url);
    Object.keys(handlers).forEach(function (name) {
      source.addEventListener(name, function (event) {
        if (event.lastEventId) {
          lastId = event.lastEventId;
        }
        handlers[name](JSON.parse(event.data));
      });
    });
    source.addEventListener('error', function () {
      // the browser retries by itself unless the server refused (503 when busy, 404): then try again later
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        clearTimeout(retryTimer);
        retryTimer = setTimeout(start, 30000);
      }
    });
  }

  function stop() {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
      source = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      stop();
    } else {
      start();
    }
  });
  start();
})();
