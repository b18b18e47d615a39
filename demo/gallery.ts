/**
 * What every gallery page shares: the elements, the site header (navigation and the page's
 * light/dark toggle), and for each variant its live tag in a code block with a "Copy" button.
 *
 * A page marks itself with `<body data-page="nps-trend">`, puts `<header class="site-header">` first
 * and calls {@link startGallery}; pages in a sub-folder add `data-root="../"` to the header so links
 * resolve.
 */
import '../src/index.ts';
import { recordWrittenAttributes } from './authored.ts';
import { codeBlock, newCodeBlock, type CodeBlock } from './copy.ts';
import { elementDeclarations, type ElementDeclaration } from './manifest.ts';
import { tagHtml } from './tag-html.ts';

interface NavLink {
  readonly page: string;
  readonly href: string;
  readonly label: string;
}

const PAGES: readonly NavLink[] = [
  { page: 'home', href: 'index.html', label: 'Home' },
  { page: 'nps-trend', href: 'nps-trend.html', label: 'nps-trend' },
  { page: 'journey-painpoints', href: 'journey.html', label: 'journey-painpoints' },
  { page: 'council-scorecard', href: 'council.html', label: 'council-scorecard' },
  { page: 'dashboard', href: 'dashboard.html', label: 'Dashboard' },
];

const FRAMEWORKS: readonly NavLink[] = [
  { page: 'react', href: 'frameworks/react.html', label: 'React' },
  { page: 'vue', href: 'frameworks/vue.html', label: 'Vue' },
  { page: 'angular', href: 'frameworks/angular.html', label: 'Angular' },
];

const THEME_KEY = 'cx-gallery-theme';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/** The page chrome's theme: the visitor's choice if they made one, else the system's. Elements keep their own. */
function setupThemeToggle(): HTMLButtonElement {
  const root = document.documentElement;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_KEY);
  } catch {
    // Storage blocked (private mode, file://): the toggle still works for this visit.
  }
  if (stored === 'dark' || stored === 'light') root.dataset.theme = stored;
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
  const button = element('button', { type: 'button', className: 'theme-toggle', textContent: 'Dark page' });
  button.title = 'Switches the gallery page between light and dark. The elements keep the theme their tag asks for.';
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // See above.
    }
    sync();
  });
  systemDark.addEventListener('change', sync);
  sync();
  return button;
}

/** Languages a visitor can view every element in, each named in itself. */
const VIEW_LOCALES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية' },
  { value: 'el', label: 'Ελληνικά' },
  { value: 'hu', label: 'Magyar' },
  { value: 'pl', label: 'Polski' },
];
const VIEW_THEMES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'high-contrast', label: 'High contrast' },
];

/** What each element's tag said before the switcher overrode it, so "As written" can put it back. */
const writtenValues = new WeakMap<Element, Map<string, string | null>>();

function overrideAttribute(node: Element, name: string, value: string): void {
  const written = writtenValues.get(node) ?? new Map<string, string | null>();
  writtenValues.set(node, written);
  if (!written.has(name)) written.set(name, node.getAttribute(name));
  if (value) node.setAttribute(name, value);
  else {
    const original = written.get(name);
    if (original === null || original === undefined) node.removeAttribute(name);
    else node.setAttribute(name, original);
  }
}

/**
 * "View in" language and theme for every element on the page (`?locale=el&theme=dark` in the address,
 * so a view can be shared). Empty means as each tag is written. The page chrome stays as it is.
 */
function setupViewSwitcher(): HTMLElement {
  const params = new URLSearchParams(location.search);
  const select = (name: 'locale' | 'theme', label: string, options: typeof VIEW_LOCALES) => {
    const control = element('select', { name });
    control.append(element('option', { value: '', textContent: 'As written' }));
    for (const option of options) {
      const node = element('option', { value: option.value, textContent: option.label });
      if (name === 'locale') node.lang = option.value;
      control.append(node);
    }
    control.value = options.some((option) => option.value === params.get(name)) ? params.get(name)! : '';
    const apply = () => {
      for (const node of document.querySelectorAll('nps-trend, journey-painpoints, council-scorecard')) overrideAttribute(node, name, control.value);
      const url = new URL(location.href);
      if (control.value) url.searchParams.set(name, control.value);
      else url.searchParams.delete(name);
      history.replaceState(null, '', url);
    };
    control.addEventListener('change', apply);
    if (control.value) apply();
    return element('label', { className: 'view-control' }, `${label} `, control);
  };
  const group = element('div', { className: 'view-switcher' }, select('locale', 'Language', VIEW_LOCALES), select('theme', 'Elements', VIEW_THEMES));
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'View every element in');
  return group;
}

function renderSiteHeader(): void {
  const header = document.querySelector<HTMLElement>('header.site-header');
  if (!header) return;
  const root = header.dataset.root ?? './';
  const current = document.body.dataset.page ?? '';
  const link = ({ page, href, label }: NavLink) => {
    const anchor = element('a', { href: root + href, textContent: label });
    if (page === current) anchor.setAttribute('aria-current', 'page');
    return element('li', {}, anchor);
  };
  const list = element(
    'ul',
    {},
    ...PAGES.map(link),
    element('li', { className: 'nav-group', id: 'nav-frameworks' }, 'In frameworks:'),
    ...FRAMEWORKS.map(link),
  );
  const nav = element('nav', { className: 'site-nav' }, list);
  nav.setAttribute('aria-label', 'Gallery');
  const brand = element('a', { className: 'brand', href: `${root}index.html`, textContent: 'cx-elements' });
  header.replaceChildren(element('div', { className: 'site-header-inner' }, brand, nav, setupViewSwitcher(), setupThemeToggle()));
  const skip = element('a', { className: 'skip-link', href: '#main', textContent: 'Skip to content' });
  document.body.prepend(skip);
}

/** The gallery's elements inside `container`, outermost only. */
function galleryElements(container: Element, tags: ReadonlyMap<string, ElementDeclaration>): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('*')].filter((node) => tags.has(node.localName));
}

/** Paints a stage like the theme of the element on it, so the element is seen as a page would show it. */
function syncStageTheme(stage: HTMLElement, elements: readonly HTMLElement[]): void {
  const theme = elements[0]?.getAttribute('theme');
  if (theme === 'dark' || theme === 'high-contrast') stage.dataset.theme = theme;
  else if (theme === 'auto') stage.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  else stage.dataset.theme = 'light';
}

/**
 * Every `.variant` gets its element's tag as a copyable code block, kept in step with the element
 * (the "1M rows" button and the attribute panel change attributes after load).
 */
async function renderVariantSnippets(): Promise<void> {
  const tags = await elementDeclarations();
  for (const variant of document.querySelectorAll<HTMLElement>('.variant, .card[data-snippet]')) {
    const stage = variant.querySelector<HTMLElement>('.stage');
    if (!stage) continue;
    const elements = galleryElements(stage, tags);
    syncStageTheme(stage, elements);
    if (elements.length === 0 || variant.hasAttribute('data-no-snippet')) continue;
    const title = variant.querySelector('h2, h3')?.textContent?.trim() ?? elements[0]!.localName;
    const text = () => elements.map((node) => tagHtml(node, tags.get(node.localName))).join('\n');
    const block: CodeBlock = newCodeBlock(text(), `the tag of “${title}”`);
    block.root.dataset.snippet = '';
    const slot = variant.querySelector('.snippet');
    if (slot) slot.replaceWith(block.root);
    else stage.after(block.root);
    const observer = new MutationObserver(() => {
      block.update(text());
      syncStageTheme(stage, elements);
    });
    for (const node of elements) observer.observe(node, { attributes: true });
  }
}

/** Hand-written code (property examples, wiring) gets the same copy button. */
function enhanceWrittenCode(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>('main pre')) {
    if (pre.parentElement?.classList.contains('code-block')) continue;
    const variant = pre.closest('.variant, .card, section');
    const title = variant?.querySelector('h2, h3')?.textContent?.trim();
    codeBlock(pre, pre.dataset.name ?? (title ? `the code of “${title}”` : 'the code'));
  }
}

/** A "#" link on every variant heading, so a designer can share exactly the variant they mean. */
function addAnchors(): void {
  for (const variant of document.querySelectorAll<HTMLElement>('.variant[id]')) {
    const heading = variant.querySelector('h3, h2');
    if (!heading || heading.querySelector('.anchor')) continue;
    const anchor = element('a', { className: 'anchor', href: `#${variant.id}`, textContent: '#' });
    anchor.setAttribute('aria-label', `Link to “${heading.textContent?.trim()}”`);
    heading.append(anchor);
  }
}

/** `data-open-quality`: opens the element's data-quality report once it has loaded, to show what the badge leads to. */
function openQualityReports(): void {
  for (const host of document.querySelectorAll<HTMLElement & { dataComplete?: Promise<void> }>('[data-open-quality]')) {
    void customElements.whenDefined(host.localName).then(async () => {
      await host.dataComplete;
      const badge = host.shadowRoot?.querySelector<HTMLButtonElement>('[part~="quality-badge"]');
      if (badge?.getAttribute('aria-expanded') !== 'true') badge?.click();
    });
  }
}

/**
 * Sets up the page. Called by each page's entry module in the task that loaded it — not run on import:
 * package.json marks only the library's entries as having side effects, so the bundler drops
 * side-effect-only imports of demo modules.
 */
export function startGallery(): { readonly snippetsReady: Promise<void> } {
  // Before anything awaits: the elements were defined in this task and have not reflected yet.
  recordWrittenAttributes([...document.querySelectorAll('*')].filter((node) => node.localName.includes('-') && customElements.get(node.localName)));
  renderSiteHeader();
  openQualityReports();
  addAnchors();
  enhanceWrittenCode();
  return { snippetsReady: renderVariantSnippets() };
}
