/**
 * Issue 8, part 1: every text path is inert. The XSS corpus (test/security/xss-corpus.ts) goes
 * through every entry of test/security/text-paths.ts; after each render this checks that
 * (a) nothing ran — every payload calls `window.__xss(id)` if it executes, and no error or CSP
 * violation was reported — (b) no element was made from input — no script, iframe, object, embed,
 * foreignObject, element only markup could have made, `on…` attribute or `javascript:` link in any
 * shadow root — and (c) the text shows as text where the path promises to show it.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { HOSTILE_LOCALE, TEXT_PATHS, type Rendered } from './text-paths.ts';
import { XSS_CORPUS } from './xss-corpus.ts';

declare global {
  interface Window {
    __xss?: (id: number) => void;
  }
}

/** Elements the components never draw themselves (they do draw `select`, `button`, `table`, `svg`…): finding one means input became markup. */
const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'foreignobject', 'base', 'meta', 'link', 'style', 'noscript',
  'template', 'img', 'image', 'video', 'audio', 'source', 'math', 'mtext', 'mglyph', 'maction', 'mi', 'xmp', 'noembed', 'listing',
  'marquee', 'form', 'input', 'textarea', 'details', 'use', 'animate', 'set', 'xss', 'x', 'body', 'a',
]);
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc'];

let checks = 0;
const hits: number[] = [];
const incidents: string[] = [];

function onViolation(event: SecurityPolicyViolationEvent): void {
  incidents.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
}
function onError(event: ErrorEvent): void {
  incidents.push(`error: ${event.message}`);
}

/** Every element under `host`, through every shadow root. */
function* walk(node: ParentNode): Generator<Element> {
  for (const element of node.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walk(element.shadowRoot);
  }
}

function expectInert(host: Element): void {
  expect(host.shadowRoot, `<${host.localName}> has a shadow root`).to.not.equal(null);
  for (const element of walk(host.shadowRoot!)) {
    const where = `<${element.localName}> in <${host.localName}>`;
    expect(FORBIDDEN_TAGS.has(element.localName.toLowerCase()), `${where} was made from input`).to.equal(false);
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${where} has the handler attribute ${attribute.name}`).to.equal(false);
      if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase())) {
        // The URL parser ignores leading spaces/control characters and tabs inside the scheme.
        const scheme = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        expect(scheme.startsWith('javascript:') || scheme.startsWith('data:'), `${where} has ${attribute.name}="${attribute.value.slice(0, 80)}"`).to.equal(false);
      }
    }
    checks += 1;
  }
}

/** The text as the user reads it: Lit's comment markers and surrounding white space aside. */
const collapse = (text: string) => text.replace(/\s+/g, ' ');

function expectShownAsText(rendered: Rendered): void {
  for (const { host, payload, selector, attribute } of rendered.shown) {
    const target = selector ? host.shadowRoot!.querySelector(selector) : host.shadowRoot!;
    expect(target, `<${host.localName}> has ${selector}`).to.not.equal(null);
    const text = attribute && target instanceof Element ? target.getAttribute(attribute)! : target!.textContent!;
    expect(collapse(text), `${selector ?? 'the shadow root'} of <${host.localName}> shows the payload as text`).to.contain(collapse(payload));
    checks += 1;
  }
}

describe('every text path is inert', function () {
  this.timeout(120_000);

  before(() => {
    window.__xss = (id: number) => hits.push(id);
    document.addEventListener('securitypolicyviolation', onViolation);
    window.addEventListener('error', onError);
  });

  after(() => {
    delete window.__xss;
    document.removeEventListener('securitypolicyviolation', onViolation);
    window.removeEventListener('error', onError);
    // A figure for the closing note of issue 8.
    console.log(`xss: ${XSS_CORPUS.length} payloads × ${TEXT_PATHS.length} text paths, ${checks} element and text checks, ${hits.length} executed`);
  });

  afterEach(() => fixtureCleanup());

  it(`has a corpus of at least 200 distinct payloads (${XSS_CORPUS.length})`, () => {
    expect(XSS_CORPUS.length).to.be.at.least(200);
    expect(new Set(XSS_CORPUS).size).to.equal(XSS_CORPUS.length);
    expect(XSS_CORPUS.some((payload) => payload.length >= 10_000)).to.equal(true);
    expect(XSS_CORPUS.some((payload) => payload.includes('\u202E'))).to.equal(true);
    expect(XSS_CORPUS.some((payload) => payload.includes('\u0000'))).to.equal(true);
  });

  it('notices a payload that does run (the sentinel and the walk work)', async () => {
    const probe = document.createElement('div');
    probe.attachShadow({ mode: 'open' }).innerHTML = XSS_CORPUS[11]!; // <img src=x onerror=__xss(11)>
    document.body.append(probe);
    try {
      expect(() => expectInert(probe)).to.throw(/made from input/);
      await new Promise<void>((resolve) => probe.shadowRoot!.querySelector('img')!.addEventListener('error', () => setTimeout(resolve), { once: true }));
      expect(hits).to.deep.equal([11]);
    } finally {
      probe.remove();
      hits.length = 0;
    }
  });

  for (const path of TEXT_PATHS) {
    it(`<${path.tag}>: ${path.name}`, async () => {
      let fed = 0;
      for (let start = 0; start < XSS_CORPUS.length; start += path.batch) {
        const payloads = XSS_CORPUS.slice(start, start + path.batch);
        const rendered = await path.render(payloads);
        fed += payloads.length;
        // Handlers fire a task later at the earliest (img onerror, svg onload): give them one.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(hits, 'payloads that ran').to.deep.equal([]);
        expect(incidents, 'errors and CSP violations').to.deep.equal([]);
        for (const host of rendered.hosts) expectInert(host);
        expectShownAsText(rendered);
        checks += rendered.inlineChecks ?? 0;
        for (const csv of rendered.exports) expect(csv.length, 'the export has content').to.be.greaterThan(0);
        fixtureCleanup();
      }
      expect(fed).to.equal(XSS_CORPUS.length);
    });
  }

  it('exports KPI texts as CSV text, quoted, not as anything a spreadsheet or browser would run', async () => {
    const path = TEXT_PATHS.find((p) => p.tag === 'council-scorecard' && p.name.startsWith('council name'))!;
    const payloads = ['<script>__xss(-1)</script>', '<img src=x onerror=__xss(-2)>', '"><svg onload=__xss(-3)>'];
    const { exports } = await path.render(payloads);
    const csv = exports[0]!;
    expect(csv).to.contain('<script>__xss(-1)</script>');
    expect(csv).to.contain('<img src=x onerror=__xss(-2)>');
    // A quote inside a cell is doubled, so the cell cannot end early.
    expect(csv).to.contain('"""><svg onload=__xss(-3)>');
    expect(hits).to.deep.equal([]);
  });

  it(`shows a hostile catalogue's messages as text (locale "${HOSTILE_LOCALE}")`, async () => {
    const path = TEXT_PATHS.find((p) => p.name.startsWith('locale strings'))!;
    const rendered = await path.render(['<b>bold</b><img src=x onerror=__xss(-4)>']);
    expect(rendered.shown.length).to.be.greaterThan(0);
    expectShownAsText(rendered);
    for (const host of rendered.hosts) expectInert(host);
    expect(hits).to.deep.equal([]);
  });
});
