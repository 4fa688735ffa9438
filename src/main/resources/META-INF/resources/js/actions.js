// A comment's actions on the article page (docs/frontend.md), an enhancement only. Without it the vote, mute and
// unmute buttons post the page's one form (#comment-actions, which holds the CSRF token) with the comment id as
// their value, and "Reply" opens the reply page. With it, one listener for the whole comments section: an up-vote
// is sent in the background and its button swapped in place (the focus stays on it, the live region says the new
// count), and "Reply" puts the reply form into the comment's reply slot. A refusal is shown as without JavaScript.
(function () {
  var form = document.getElementById('comment-actions');
  var section = document.getElementById('comments');
  if (!form || !section || !window.fetch || !window.URLSearchParams || !form.requestSubmit
      || !document.createElement('template').content) {
    return;
  }
  var REPLY = /^\/comments\/(\d+)\/reply$/;
  var HEADERS = { 'HX-Request': 'true' }; // the server answers with a fragment rather than a page

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function announce(text) {
    var region = document.getElementById('live-status');
    if (region) {
      region.textContent = text;
    }
  }

  // Refused or logged out (a redirect to the log-in page): the same post without JavaScript shows why. A refused
  // vote changed nothing, so posting it again is safe.
  function answered(response) {
    if (!response.ok || response.redirected) {
      throw response;
    }
    return response.text();
  }

  function vote(button) {
    if (button.getAttribute('aria-busy') === 'true') {
      return;
    }
    button.setAttribute('aria-busy', 'true');
    var body = new URLSearchParams(new FormData(form)); // the CSRF token
    body.append(button.name, button.value);
    fetch(form.action, { method: 'POST', body: body, headers: HEADERS, credentials: 'same-origin' })
      .then(answered)
      .then(function (html) {
        var answer = fragment(html);
        var fresh = answer.querySelector('button[name=vote]');
        var said = answer.querySelector('#live-status');
        if (!fresh) {
          throw new Error('no button in the answer');
        }
        var focused = document.activeElement === button;
        button.replaceWith(fresh);
        if (focused) {
          fresh.focus();
        }
        if (said) {
          announce(said.textContent);
        }
      })
      .catch(function (failure) {
        button.removeAttribute('aria-busy');
        if (failure instanceof Response) {
          form.requestSubmit(button);
        } else {
          announce('The up-vote could not be sent. Please try again.');
        }
      });
  }

  function reply(link) {
    var article = link.closest('article');
    var slot = article && article.querySelector('.reply-slot');
    if (!slot) {
      return false;
    }
    fetch(link.href, { headers: HEADERS, credentials: 'same-origin' })
      .then(answered)
      .then(function (html) {
        slot.innerHTML = html;
        if (window.htmx) {
          window.htmx.process(slot); // the reply form previews and posts in place, as the page's own form
        }
        var box = slot.querySelector('[autofocus]');
        if (box) {
          box.focus();
        }
      })
      .catch(function () {
        window.location.href = link.href;
      });
    return true;
  }

  section.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey
        || event.altKey || !event.target.closest) {
      return;
    }
    var button = event.target.closest('button[name=vote]');
    if (button && button.form === form) {
      event.preventDefault();
      vote(button);
      return;
    }
    var link = event.target.closest('.comment-actions a[href]');
    if (link && link.origin === window.location.origin && REPLY.test(link.pathname) && reply(link)) {
      event.preventDefault();
    }
  });
})();
