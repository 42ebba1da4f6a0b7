// Turns the article body textarea into a rich-text editor (Squire, /vendor/squire.js). Without this
// script, or if Squire fails to load, the textarea stays and takes plain text or simple HTML; the
// server sanitises whatever arrives either way, and refuses images without alt text.
/* global Squire */
(function () {
  'use strict';
  var field = document.querySelector('[data-rich-field]');
  if (!field || typeof Squire !== 'function') return;
  var source = field.querySelector('[data-rich-source]');
  var area = field.querySelector('[data-rich-area]');
  var toolbar = field.querySelector('[data-rich-toolbar]');
  var form = source && source.form;
  if (!source || !area || !toolbar || !form) return;

  // Pasted and loaded HTML: the server's allowlist is the real filter; this only keeps scripts,
  // styles and handlers out of the live editing surface.
  function toFragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var bad = template.content.querySelectorAll('script,style,iframe,object,embed,link,meta,form,input,button,textarea,select');
    Array.prototype.forEach.call(bad, function (node) { node.parentNode.removeChild(node); });
    Array.prototype.forEach.call(template.content.querySelectorAll('*'), function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attr) {
        var name = attr.name.toLowerCase();
        if (name.indexOf('on') === 0 || name === 'style' || name === 'class' || name === 'id') el.removeAttribute(attr.name);
      });
    });
    return template.content;
  }

  function escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // A draft typed without JavaScript may be plain text: paragraphs separated by blank lines.
  function initialHtml(value) {
    if (/<[a-z!/]/i.test(value)) return value;
    return value.split(/\r?\n\s*\r?\n/).map(function (p) { return p.trim(); }).filter(function (p) { return p !== ''; })
      .map(function (p) { return '<p>' + escapeText(p).replace(/\r?\n/g, '<br>') + '</p>'; }).join('');
  }

  var editor = new Squire(area, { blockTag: 'P', sanitizeToDOMFragment: toFragment });
  editor.setHTML(initialHtml(source.value));
  area.setAttribute('role', 'textbox');
  area.setAttribute('aria-multiline', 'true');
  if (source.getAttribute('aria-invalid') === 'true') area.setAttribute('aria-invalid', 'true');
  source.hidden = true;
  area.hidden = false;
  toolbar.hidden = false;
  var label = field.querySelector('label[for="' + source.id + '"]');
  if (label) label.addEventListener('click', function () { editor.focus(); });

  function setBlock(tag) {
    var current = new RegExp('(^|>)' + tag + '(>|$)').test(editor.getPath());
    var target = current ? 'P' : tag;
    editor.modifyBlocks(function (frag) {
      var out = document.createDocumentFragment();
      Array.prototype.slice.call(frag.childNodes).forEach(function (node) {
        if (node.nodeType === 1 && /^(P|DIV|H2|H3|H4)$/.test(node.nodeName)) {
          var block = document.createElement(target);
          while (node.firstChild) block.appendChild(node.firstChild);
          out.appendChild(block);
        } else {
          out.appendChild(node);
        }
      });
      return out;
    });
  }

  var dialogs = {};
  Array.prototype.forEach.call(field.querySelectorAll('[data-rich-dialog]'), function (d) { dialogs[d.getAttribute('data-rich-dialog')] = d; });
  function input(dialog, name) { return dialog.querySelector('[data-rich-input="' + name + '"]'); }
  function closeDialogs() {
    Object.keys(dialogs).forEach(function (k) { dialogs[k].hidden = true; });
  }
  function openDialog(name) {
    closeDialogs();
    var d = dialogs[name];
    if (!d) return;
    Array.prototype.forEach.call(d.querySelectorAll('input'), function (i) { i.value = ''; i.removeAttribute('aria-invalid'); });
    var err = d.querySelector('[data-rich-alt-error]');
    if (err) err.hidden = true;
    d.hidden = false;
    d.querySelector('input').focus();
  }

  var actions = {
    h2: function () { setBlock('H2'); },
    h3: function () { setBlock('H3'); },
    bold: function () { if (editor.hasFormat('B')) editor.removeBold(); else editor.bold(); },
    italic: function () { if (editor.hasFormat('I')) editor.removeItalic(); else editor.italic(); },
    ul: function () { if (/(^|>)UL(>|$)/.test(editor.getPath())) editor.removeList(); else editor.makeUnorderedList(); },
    ol: function () { if (/(^|>)OL(>|$)/.test(editor.getPath())) editor.removeList(); else editor.makeOrderedList(); },
    quote: function () { if (/(^|>)BLOCKQUOTE(>|$)/.test(editor.getPath())) editor.decreaseQuoteLevel(); else editor.increaseQuoteLevel(); },
    link: function () { if (editor.hasFormat('A')) editor.removeLink(); else openDialog('link'); },
    image: function () { openDialog('image'); },
    undo: function () { editor.undo(); },
    redo: function () { editor.redo(); },
  };

  toolbar.addEventListener('click', function (event) {
    var button = event.target.closest('[data-command]');
    if (!button) return;
    var action = actions[button.getAttribute('data-command')];
    if (!action) return;
    editor.focus();
    action();
    if (!/link|image/.test(button.getAttribute('data-command'))) editor.focus();
  });

  field.addEventListener('click', function (event) {
    if (event.target.closest('[data-rich-cancel]')) {
      closeDialogs();
      editor.focus();
      return;
    }
    var apply = event.target.closest('[data-rich-apply]');
    if (!apply) return;
    var kind = apply.getAttribute('data-rich-apply');
    var d = dialogs[kind];
    if (kind === 'link') {
      var url = input(d, 'url').value.trim();
      closeDialogs();
      editor.focus();
      if (url !== '') editor.makeLink(url);
      return;
    }
    var src = input(d, 'src').value.trim();
    var altInput = input(d, 'alt');
    var alt = altInput.value.trim();
    if (src === '') { input(d, 'src').focus(); return; }
    if (alt === '') {
      // Every image needs a text alternative (WCAG 2.2, 1.1.1); the server refuses it otherwise too.
      d.querySelector('[data-rich-alt-error]').hidden = false;
      altInput.setAttribute('aria-invalid', 'true');
      altInput.focus();
      return;
    }
    closeDialogs();
    editor.focus();
    editor.insertImage(src, { alt: alt });
  });

  // Enter in a dialog field applies it instead of submitting the article form.
  field.addEventListener('keydown', function (event) {
    var dialog = event.target.closest && event.target.closest('[data-rich-dialog]');
    if (!dialog) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      dialog.querySelector('[data-rich-apply]').click();
    } else if (event.key === 'Escape') {
      closeDialogs();
      editor.focus();
    }
  });

  function updatePressed() {
    var bold = toolbar.querySelector('[data-command="bold"]');
    var italic = toolbar.querySelector('[data-command="italic"]');
    if (bold) bold.setAttribute('aria-pressed', String(editor.hasFormat('B')));
    if (italic) italic.setAttribute('aria-pressed', String(editor.hasFormat('I')));
  }
  editor.addEventListener('pathChange', updatePressed);

  function sync() { source.value = editor.getHTML(); }
  editor.addEventListener('input', sync);
  form.addEventListener('submit', sync);
})();
