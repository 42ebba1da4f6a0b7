// Rates an article in place; without this script the form posts and the page reloads.
/* global URLSearchParams, FormData */
(function () {
  'use strict';
  var box = document.querySelector('[data-rating]');
  if (!box) return;
  var form = box.querySelector('form');
  var summary = box.querySelector('[data-rating-summary]');
  if (!form || !summary) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    var body = new URLSearchParams(new FormData(form)).toString();
    fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body,
      credentials: 'same-origin',
    })
      .then(function (res) {
        return res.json().then(function (data) {
          return { ok: res.ok, status: res.status, data: data };
        });
      })
      .then(function (r) {
        var message = r.data.message || (r.data.error && r.data.error.message) || '';
        if (r.data.count !== undefined && r.data.average !== undefined) {
          var heading = box.querySelector('h2');
          if (heading) heading.textContent = heading.textContent.replace(/\([^)]*\)\s*$/, '(' + r.data.count + ')');
        }
        summary.textContent = message;
        if (button) button.disabled = r.ok;
      })
      .catch(function () {
        // The network failed: fall back to the plain form post.
        form.submit();
      });
  });
})();
