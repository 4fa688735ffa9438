// One-key shortcuts for the moderation queues, an enhancement only: every action is a plain form without it.
// j / k move between comments, a approves, x removes (with the reason chosen in its form, after a confirmation
// that says whether it gives a strike), r restores, s toggles the selection for the bulk form, ? shows the list.
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll('.queue-item'));
  if (!items.length) {
    return;
  }
  var current = 0;
  function focus(i) {
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el) { el.classList.remove('current'); });
    items[current].classList.add('current');
    items[current].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))) {
      return;
    }
    var item = items[current];
    if (e.key === '?') {
      var help = document.getElementById('shortcuts');
      help.open = !help.open;
      help.querySelector('summary').focus();
    } else if (e.key === 'x') {
      var select = item.querySelector('select[name=reason]');
      var remove = item.querySelector('button[data-key="x"]');
      if (!remove) {
        return;
      }
      if (!select.value) {
        select.focus();
        window.alert('Choose a removal reason first.');
        return;
      }
      var label = select.options[select.selectedIndex].text;
      if (window.confirm('Remove this comment as ' + label + '?')) {
        remove.click();
      }
    } else if (e.key === 'j') {
      focus(current + 1);
    } else if (e.key === 'k') {
      focus(current - 1);
    } else if (e.key === 's') {
      var box = item.querySelector('input[type=checkbox]');
      box.checked = !box.checked;
    } else {
      var button = item.querySelector('button[data-key="' + e.key + '"]');
      if (button) {
        button.click();
      }
    }
  });
  focus(0);
}());
