/**
 * The article body field: a plain textarea (plain text or simple HTML, sanitised on save) that
 * `newsroom-editor.js` turns into a rich-text editor (Squire, served from our own origin) when
 * JavaScript runs. The toolbar is rendered here, hidden, so its labels come from the catalogue and
 * nothing is built from strings in the script.
 */
import { fieldMessage } from '../../ui/forms.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';

/** Same-origin paths of the editor's files (the CSP allows scripts from 'self' only). */
export const EDITOR_SCRIPTS = ['/vendor/squire.js', '/assets/newsroom-editor.js'] as const;

const COMMANDS: readonly { command: string; label: MessageKey; text: string }[] = [
  { command: 'h2', label: 'newsroom.editor_h2', text: 'H2' },
  { command: 'h3', label: 'newsroom.editor_h3', text: 'H3' },
  { command: 'bold', label: 'newsroom.editor_bold', text: 'B' },
  { command: 'italic', label: 'newsroom.editor_italic', text: 'I' },
  { command: 'ul', label: 'newsroom.editor_ul', text: '•' },
  { command: 'ol', label: 'newsroom.editor_ol', text: '1.' },
  { command: 'quote', label: 'newsroom.editor_quote', text: '❝' },
  { command: 'link', label: 'newsroom.editor_link', text: '🔗' },
  { command: 'image', label: 'newsroom.editor_image', text: '🖼' },
  { command: 'undo', label: 'newsroom.editor_undo', text: '↶' },
  { command: 'redo', label: 'newsroom.editor_redo', text: '↷' },
];

export function BodyEditor({ ctx, value, errors }: { ctx: ViewContext; value: string | undefined; errors?: FieldErrors | undefined }): JSX.Element {
  const t = ctx.t;
  const message = fieldMessage(t, errors, 'body');
  const describedBy = ['f-body-hint', message === undefined ? '' : 'f-body-error'].filter((s) => s !== '').join(' ');
  return (
    <div class={message === undefined ? 'field rich-field' : 'field rich-field field-error'} data-rich-field>
      <label for="f-body" id="f-body-label">
        <span safe>{t('newsroom.body')}</span>
        <span class="required" safe>{` (${t('shell.required')})`}</span>
      </label>
      <p class="hint" id="f-body-hint" safe>{t('newsroom.body_hint')}</p>
      {message === undefined ? '' : <p class="error-message" id="f-body-error" safe>{message}</p>}
      <div class="rich-toolbar" role="toolbar" aria-label={t('newsroom.editor_toolbar')} aria-controls="f-body-rich" hidden data-rich-toolbar>
        {COMMANDS.map((c) => (
          <button type="button" class="rich-button" data-command={c.command} title={t(c.label)} aria-pressed={c.command === 'bold' || c.command === 'italic' ? 'false' : undefined}>
            <span aria-hidden="true" safe>{c.text}</span>
            <span class="visually-hidden" safe>{t(c.label)}</span>
          </button>
        ))}
      </div>
      <fieldset class="rich-dialog stack" hidden data-rich-dialog="link">
        <legend safe>{t('newsroom.editor_link')}</legend>
        <label for="f-body-link-url" safe>{t('newsroom.editor_link_url')}</label>
        <input id="f-body-link-url" type="url" data-rich-input="url" />
        <div class="actions">
          <button type="button" class="button-secondary" data-rich-apply="link" safe>{t('newsroom.editor_apply')}</button>
          <button type="button" class="button-secondary" data-rich-cancel safe>{t('newsroom.editor_cancel')}</button>
        </div>
      </fieldset>
      <fieldset class="rich-dialog stack" hidden data-rich-dialog="image">
        <legend safe>{t('newsroom.editor_image')}</legend>
        <label for="f-body-image-url" safe>{t('newsroom.editor_image_url')}</label>
        <input id="f-body-image-url" type="url" data-rich-input="src" />
        <label for="f-body-image-alt" safe>{t('newsroom.editor_image_alt')}</label>
        <p class="error-message" id="f-body-image-alt-error" hidden data-rich-alt-error safe>{t('newsroom.editor_image_alt_required')}</p>
        <input id="f-body-image-alt" type="text" data-rich-input="alt" aria-describedby="f-body-image-alt-error" />
        <div class="actions">
          <button type="button" class="button-secondary" data-rich-apply="image" safe>{t('newsroom.editor_insert')}</button>
          <button type="button" class="button-secondary" data-rich-cancel safe>{t('newsroom.editor_cancel')}</button>
        </div>
      </fieldset>
      <div id="f-body-rich" class="rich-area" hidden data-rich-area aria-labelledby="f-body-label" aria-describedby={describedBy}></div>
      <textarea id="f-body" name="body" rows="18" required aria-invalid={message === undefined ? undefined : 'true'} aria-describedby={describedBy} data-rich-source safe>
        {value ?? ''}
      </textarea>
    </div>
  );
}
