/** Code blocks with a "Copy" button: the gallery's one promise is that a copied tag works as pasted. */

let blockCount = 0;

/** The clipboard API where the page may use it; otherwise the older selection route, which works over plain http. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or no focus: try the selection route below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.insetBlockStart = '0';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

export interface CodeBlock {
  readonly root: HTMLElement;
  readonly code: HTMLElement;
  /** Replaces the code (a live element's tag changed). */
  update(text: string): void;
}

/** The language a snippet is written in, for the block's label: tags are HTML, the rest script. */
const languageOf = (text: string) => (/^\s*</.test(text) ? 'HTML' : 'JavaScript');

/** Wraps an existing `<pre><code>` with a bar holding its language and a copy button, and a status for screen readers. */
export function codeBlock(pre: HTMLPreElement, name: string): CodeBlock {
  const id = `code-${++blockCount}`;
  const code = pre.querySelector('code') ?? pre.appendChild(document.createElement('code'));
  code.id = id;
  const root = document.createElement('div');
  root.className = 'code-block';
  pre.replaceWith(root);
  // Scrollable code must be reachable by keyboard; its name says which variant it belongs to.
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', name);

  const bar = document.createElement('div');
  bar.className = 'code-bar';
  const language = document.createElement('span');
  language.className = 'code-language';
  language.textContent = pre.dataset.language ?? code.dataset.language ?? languageOf(code.textContent ?? '');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy ${name}`);
  button.setAttribute('aria-controls', id);
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  bar.append(language, button);
  root.append(bar, pre, status);

  let reset = 0;
  button.addEventListener('click', async () => {
    const copied = await copyText(code.textContent ?? '');
    if (!copied) {
      // Last resort: select the text so Ctrl+C / ⌘C copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
    button.dataset.state = copied ? 'done' : 'failed';
    button.textContent = copied ? 'Copied' : 'Press Ctrl+C';
    status.textContent = copied ? `${name} copied to the clipboard.` : 'Copying is blocked here: the code is selected, press Ctrl+C to copy it.';
    clearTimeout(reset);
    reset = window.setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.state;
      status.textContent = '';
    }, 2500);
  });
  return { root, code, update: (text) => (code.textContent = text) };
}

/** A fresh code block for `text`. */
export function newCodeBlock(text: string, name: string): CodeBlock {
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  code.textContent = text;
  pre.append(code);
  const holder = document.createElement('div');
  holder.append(pre);
  return codeBlock(pre, name);
}
