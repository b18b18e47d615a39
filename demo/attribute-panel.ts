/**
 * The live attribute panel: a form generated from the Custom Elements Manifest for whichever element
 * sits in a `[data-playground]` container. Each control sets or removes one attribute on the live
 * element, and a code block shows the resulting tag to copy. Nothing here names an element or an
 * attribute: a new element gets its panel from its JSDoc alone.
 *
 * Control per manifest type: a union of string literals → select; `boolean` → checkbox; `number` →
 * number input; anything else → text input. An empty control removes the attribute, so the element
 * falls back to its documented default.
 */
import { isWritten, markWritten } from './authored.ts';
import { newCodeBlock } from './copy.ts';
import { elementDeclarations, literalDefault, stringLiterals, typeText, type ElementDeclaration, type ManifestAttribute } from './manifest.ts';
import { tagHtml } from './tag-html.ts';

/** Gallery bookkeeping the panel leaves alone (and the reset keeps). */
const GALLERY_ONLY = /^(id|class|style|data-.*)$/;

let panelCount = 0;

/** Description text with its `code spans` as <code>: DOM nodes only, never markup from the manifest. */
function describe(text: string): Node[] {
  return text.split(/`([^`]*)`/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

interface Control {
  readonly root: HTMLElement;
  /** Shows the element's current attribute value. */
  read(): void;
}

/** A checkbox's meaning depends on the default: `compact` is off unless present, `show-ci` on unless "false". */
function isOnByDefault(attribute: ManifestAttribute): boolean {
  return literalDefault(attribute) === 'true';
}

function createControl(target: HTMLElement, attribute: ManifestAttribute, idPrefix: string): Control {
  const { name } = attribute;
  const id = `${idPrefix}-${name}`;
  const hintId = `${id}-hint`;
  const type = typeText(attribute);
  const literals = stringLiterals(type);
  const fallback = literalDefault(attribute);
  const field = document.createElement('div');
  field.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  const labelCode = document.createElement('code');
  labelCode.textContent = name;
  label.append(labelCode);
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = hintId;
  hint.append(...describe(attribute.description ?? ''));
  if (fallback && type !== 'boolean' && !literals) hint.append(` Default: ${fallback}.`);

  const set = (value: string | null) => {
    markWritten(target, name, value !== null);
    if (value === null) target.removeAttribute(name);
    else target.setAttribute(name, value);
  };

  if (type === 'boolean') {
    field.classList.add('checkbox');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = id;
    input.setAttribute('aria-describedby', hintId);
    const onByDefault = isOnByDefault(attribute);
    input.addEventListener('change', () => {
      if (onByDefault) set(input.checked ? null : 'false');
      else set(input.checked ? '' : null);
    });
    field.append(input, label, hint);
    return {
      root: field,
      read: () => {
        const value = target.getAttribute(name);
        input.checked = onByDefault ? value === null || !/^(false|off|no|0)$/i.test(value.trim()) : value !== null;
      },
    };
  }

  if (literals) {
    const select = document.createElement('select');
    select.id = id;
    select.setAttribute('aria-describedby', hintId);
    const unset = new Option(fallback !== null ? `not set (${fallback})` : 'not set', '');
    select.append(unset, ...literals.map((value) => new Option(value, value)));
    select.addEventListener('change', () => set(select.value === '' ? null : select.value));
    field.append(label, select, hint);
    return {
      root: field,
      read: () => {
        const value = target.getAttribute(name);
        // A value outside the documented ones (a typo in the page) is shown as it is, not hidden.
        if (value !== null && ![...select.options].some((option) => option.value === value)) select.append(new Option(`${value} (not a documented value)`, value));
        // `theme` reflects: the element writes its default back, which is still "not set" for the page.
        select.value = value === null || (value === fallback && !isWritten(target, name)) ? '' : value;
      },
    };
  }

  const input = document.createElement('input');
  input.type = type === 'number' ? 'number' : 'text';
  if (type === 'number') input.step = 'any';
  else input.spellcheck = false;
  input.id = id;
  input.autocomplete = 'off';
  input.setAttribute('aria-describedby', hintId);
  if (fallback !== null) input.placeholder = fallback;
  // On change (Enter or leaving the field), not on every key: each value is a new query in the worker.
  input.addEventListener('change', () => set(input.value === '' ? null : input.value));
  field.append(label, input, hint);
  return { root: field, read: () => (input.value = target.getAttribute(name) ?? '') };
}

/** The attributes a page can edit right now, in the order of the live element's tag. */
function snapshot(target: HTMLElement): [string, string][] {
  return target
    .getAttributeNames()
    .filter((name) => !GALLERY_ONLY.test(name))
    .map((name) => [name, target.getAttribute(name) ?? '']);
}

export async function mountAttributePanel(playground: HTMLElement): Promise<void> {
  const tags = await elementDeclarations();
  const target = [...playground.querySelectorAll<HTMLElement>('*')].find((node) => tags.has(node.localName));
  if (!target) throw new Error('The playground holds no element from the manifest.');
  const declaration: ElementDeclaration = tags.get(target.localName)!;
  const idPrefix = `panel-${++panelCount}-${target.localName}`;
  const initial = snapshot(target);
  const initiallyWritten = new Set(initial.map(([name]) => name).filter((name) => isWritten(target, name)));

  const form = document.createElement('form');
  form.className = 'panel';
  form.setAttribute('aria-label', `Attributes of <${declaration.tagName}>`);
  form.addEventListener('submit', (event) => event.preventDefault());

  const own = declaration.attributes.filter((attribute) => !attribute.inheritedFrom);
  const shared = declaration.attributes.filter((attribute) => attribute.inheritedFrom);
  const controls: Control[] = [];
  const group = (legendText: string, attributes: readonly ManifestAttribute[]) => {
    if (attributes.length === 0) return;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.append(...describe(legendText));
    fieldset.append(legend);
    for (const attribute of attributes) {
      const control = createControl(target, attribute, idPrefix);
      controls.push(control);
      fieldset.append(control.root);
    }
    form.append(fieldset);
  };
  group(`\`<${declaration.tagName}>\` attributes`, own);
  group('Shared by every element', shared);

  const actions = document.createElement('div');
  actions.className = 'actions';
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Reset';
  reset.setAttribute('aria-label', `Reset <${declaration.tagName}> to the tag it started with`);
  reset.addEventListener('click', () => {
    for (const [name] of snapshot(target)) {
      markWritten(target, name, false);
      target.removeAttribute(name);
    }
    for (const [name, value] of initial) {
      markWritten(target, name, initiallyWritten.has(name));
      target.setAttribute(name, value);
    }
  });
  actions.append(reset);
  form.append(actions);

  const caption = document.createElement('p');
  caption.className = 'code-caption';
  caption.textContent = 'The tag as the controls set it:';
  const block = newCodeBlock(tagHtml(target, declaration), `the tag of the <${declaration.tagName}> playground`);
  const output = document.createElement('div');
  output.append(caption, block.root);
  output.setAttribute('aria-live', 'off');

  const refresh = () => {
    for (const control of controls) control.read();
    block.update(tagHtml(target, declaration));
  };
  // Any change to the element's attributes (a control, Reset, the page) reaches the form and the code.
  new MutationObserver(refresh).observe(target, { attributes: true });

  const stage = playground.querySelector('.stage') ?? target;
  stage.after(form, output);
  refresh();
}
