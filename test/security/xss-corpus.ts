/**
 * Hostile text for test/security/xss.test.ts: real XSS payloads, each of which — were it ever parsed
 * as markup, used as a URL or evaluated — calls the page's `__xss(id)` sentinel with its own id, so a
 * hit names the payload that ran. The base list holds the classic vectors (script tags, event-handler
 * attributes, `javascript:` URLs, SVG and MathML tricks, mutation-XSS strings that re-parse into
 * markup, template/`${}` strings); the variants put each one behind the break-outs a careless
 * template would fall for (closing an attribute, a `<title>`, a `<textarea>`), and add right-to-left
 * overrides, null bytes and 10,000-character strings.
 */

/** `CALL` in a base payload is replaced by a call of the sentinel with the payload's id. */
const BASE: readonly string[] = [
  // script tags
  '<script>CALL</script>',
  '<SCRIPT>CALL</SCRIPT>',
  '<ScRiPt>CALL</sCrIpT>',
  '<script src="data:text/javascript,CALL"></script>',
  '<script>/*</script><script>*/CALL</script>',
  '<script\n>CALL</script\n>',
  '<scr<script>ipt>CALL</scr</script>ipt>',
  '"><script>CALL</script>',
  "'><script>CALL</script>",
  '</script><script>CALL</script>',
  '<script type="module">CALL</script>',
  // event handlers
  '<img src=x onerror=CALL>',
  '<img src="x" onerror="CALL">',
  '<IMG SRC=x ONERROR=CALL>',
  '<img/src/onerror=CALL>',
  '<img src=x:alert onerror=CALL//>',
  '<image src=x onerror=CALL>',
  '<body onload=CALL>',
  '<svg onload=CALL>',
  '<svg/onload=CALL>',
  '<div onmouseover="CALL">hover</div>',
  '<input autofocus onfocus=CALL>',
  '<select autofocus onfocus=CALL>',
  '<textarea autofocus onfocus=CALL>',
  '<details open ontoggle=CALL>',
  '<video><source onerror=CALL></video>',
  '<audio src=x onerror=CALL>',
  '<marquee onstart=CALL>x</marquee>',
  '<iframe onload=CALL></iframe>',
  '<object data=x onerror=CALL></object>',
  '<body onpageshow=CALL>',
  '<style onload=CALL></style>',
  '<link rel=stylesheet href=x onerror=CALL>',
  '<form><button formaction=javascript:CALL>x</button></form>',
  '<x contenteditable onfocus=CALL autofocus>',
  '<xss id=x tabindex=1 onfocus=CALL></xss>',
  '" onmouseover="CALL" x="',
  "' onfocus='CALL' autofocus x='",
  '" autofocus onfocus=CALL x="',
  // javascript: and data: URLs
  'javascript:CALL',
  'JaVaScRiPt:CALL',
  ' javascript:CALL',
  'java\tscript:CALL',
  'javascript&colon;CALL',
  '&#106;avascript:CALL',
  '<a href="javascript:CALL">click</a>',
  '<a href="jav&#x09;ascript:CALL">click</a>',
  '<a href=" &#14;  javascript:CALL">click</a>',
  '<iframe src="javascript:CALL"></iframe>',
  '<iframe srcdoc="<script>parent.CALL</script>"></iframe>',
  '<embed src="javascript:CALL">',
  '<object data="javascript:CALL"></object>',
  'data:text/html,<script>CALL</script>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:CALL">',
  '<base href="javascript:CALL//">',
  // SVG
  '<svg><script>CALL</script></svg>',
  '<svg><script href="data:,CALL"/></svg>',
  '<svg><a xlink:href="javascript:CALL"><text x="20" y="20">x</text></a></svg>',
  '<svg><a href="javascript:CALL"><rect width="10" height="10"/></a></svg>',
  '<svg><animate onbegin=CALL attributeName=x dur=1s>',
  '<svg><set attributeName="onmouseover" to="CALL"/></svg>',
  '<svg><animate attributeName="href" values="javascript:CALL"/></svg>',
  '<svg><foreignObject><iframe src="javascript:CALL"></iframe></foreignObject></svg>',
  '<svg><foreignObject><img src=x onerror=CALL></foreignObject></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=CALL></svg>#x"/></svg>',
  '<svg><image href=x onerror=CALL></svg>',
  '<svg><style><img src=x onerror=CALL></style></svg>',
  '</text><script>CALL</script><text>',
  '</tspan></text></svg><img src=x onerror=CALL>',
  // MathML
  '<math><mtext><table><mglyph><style><img src=x onerror=CALL></style></mglyph></table></mtext></math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:CALL">x</maction></math>',
  '<math href="javascript:CALL">click</math>',
  '<math><mi xlink:href="javascript:CALL">x</mi></math>',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=CALL>"></style></svg></mglyph></h1></mtext></math>',
  // mutation XSS (strings that change meaning when serialised and parsed again)
  '<noscript><p title="</noscript><img src=x onerror=CALL>">',
  '<svg></p><style><a id="</style><img src=1 onerror=CALL>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=CALL>',
  '<listing>&lt;img src=x onerror=CALL&gt;</listing>',
  '<xmp><p title="</xmp><img src=x onerror=CALL>">',
  '<noembed><img title="</noembed><img src=x onerror=CALL>">',
  '<template><img src=x onerror=CALL></template>',
  '<!--<img src="--><img src=x onerror=CALL//">',
  '<![CDATA[<]]><img src=x onerror=CALL>',
  '<a title="`"><img src=x onerror=CALL>`">',
  '&lt;img src=x onerror=CALL&gt;',
  '%3Cimg%20src%3Dx%20onerror%3DCALL%3E',
  '\\u003cimg src=x onerror=CALL\\u003e',
  // template strings and expression syntaxes other libraries evaluate
  '${CALL}',
  '`${CALL}`',
  '{{constructor.constructor("CALL")()}}',
  '{{CALL}}',
  '#{CALL}',
  '<%= CALL %>',
  '{name}{count}{0}',
  '{__proto__}',
  '<!--?lit$123$--><img src=x onerror=CALL>',
  '<?lit$0$><img src=x onerror=CALL>',
  // CSS
  '<div style="background:url(javascript:CALL)">x</div>',
  '<style>@import "javascript:CALL";</style>',
  'x;}</style><img src=x onerror=CALL><style>',
];

/** Where a careless template might put the text, and the break-out for each. */
const BREAKOUTS: readonly ((payload: string) => string)[] = [
  (payload) => payload,
  (payload) => `"></title></textarea></option>${payload}`,
  (payload) => `\u202E${payload}\u202C`,
];

/** One payload per id; `CALL` becomes `__xss(id)`. */
function build(): string[] {
  const corpus: string[] = [];
  const call = () => `__xss(${corpus.length})`;
  for (const breakout of BREAKOUTS) for (const base of BASE) corpus.push(breakout(base).replaceAll('CALL', call()));
  const add = (make: (call: string) => string) => corpus.push(make(call()));
  // Null bytes in the middle of a tag name, an attribute and a URL scheme.
  add((c) => `<scr\u0000ipt>${c}</scr\u0000ipt>`);
  add((c) => `<img src=x on\u0000error=${c}>`);
  add((c) => `java\u0000script:${c}`);
  add((c) => `\u0000<img src=x onerror=${c}>\u0000`);
  // Right-to-left overrides and isolates that try to make markup read differently.
  add((c) => `\u202E>tpircs/<${c}>tpircs<\u202C<script>${c}</script>`);
  add((c) => `\u2067<img src=x onerror=${c}>\u2069`);
  add((c) => `\u200F\u202Egnp.exe<svg onload=${c}>\u202C`);
  // 10,000-character strings: padding before and after a live payload, and one long tag.
  add((c) => `${'A'.repeat(10_000)}<img src=x onerror=${c}>`);
  add((c) => `<img src=x onerror=${c}>${'\u202E'.repeat(5_000)}${'<'.repeat(5_000)}`);
  add((c) => `<img alt="${'x'.repeat(10_000)}" src=x onerror=${c}>`);
  add((c) => `${'<b>'.repeat(3_400)}<img src=x onerror=${c}>`);
  return corpus;
}

export const XSS_CORPUS: readonly string[] = build();

/** Payloads that pass through every filter and column unchanged (no commas, colons, pipes or semicolons), for checks on text. */
export const PLAIN_PAYLOADS: readonly string[] = XSS_CORPUS.filter((payload) => payload.length < 200 && !/[,:;|\u0000]/.test(payload) && payload.trim() === payload);
