// The related-articles picker in place: the search runs without leaving the article form (so
// nothing typed is lost) and "Add" appends the article's number to the related field. Without this
// script the search reloads the page and the numbers are typed into the field by hand.
/* global DOMParser, URLSearchParams, FormData */
(function () {
  'use strict';
  var picker = document.querySelector('[data-related-picker]');
  var field = document.getElementById('f-related');
  if (!picker || !field) return;
  var form = picker.querySelector('[data-related-search]');
  var results = picker.querySelector('[data-related-results]');

  function showButtons() {
    Array.prototype.forEach.call(picker.querySelectorAll('[data-related-add]'), function (b) { b.hidden = false; });
  }
  showButtons();

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector('[data-related-results]');
        if (!fresh) return;
        results.replaceChildren.apply(results, Array.prototype.slice.call(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
        showButtons();
      });
  });

  results.addEventListener('click', function (event) {
    var button = event.target.closest('[data-related-add]');
    if (!button) return;
    var id = button.getAttribute('data-related-add');
    var ids = field.value.split(/[\s,;#]+/).filter(function (s) { return s !== ''; });
    if (ids.indexOf(id) === -1) ids.push(id);
    field.value = ids.join(', ');
    button.disabled = true;
    field.focus();
  });
})();
