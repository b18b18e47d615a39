/**
 * Secrets in links: customers paste password-reset, sign-in and case links whose tokens open their
 * account to whoever reads the comment. In an `http(s)://`, `ftp://` or `www.` link, a query or
 * fragment value, or a path segment, that looks like a token becomes `[token]`; the scheme, host and
 * readable path stay, so "the link /reset/… did not work" keeps its meaning.
 *
 * A token: 8+ characters with a digit and a letter, or 16+ characters of any kind (`?page=settings`
 * and `/forms/apply` stay; `?token=8f3a9c2b`, `/reset/Zm9vYmFyYmF6cXV4` go). Values of 6+ digits
 * alone are left to the number pass. Linear: one bounded scan per link, judged in plain code.
 */

/** A link, up to the next space, quote or angle bracket; at most 2000 characters are looked at. */
const LINK = /(?<![\p{L}\p{N}])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]{1,2000}/giu;
/** Query or fragment values (after `?`, `&`, `;` or `#`, with or without a `name=`) and path segments. */
const PART = /([?&;#/=])([^?&;#/=]+)/gu;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const ONLY_DIGITS = /^[\p{N}]+$/u;
const WORD_END = /[.,;:!?)\]]+$/u;

export const TOKEN_PLACEHOLDER = '[token]';

/** Whether the text may hold a link at all: the cheap test before {@link redactLinkSecrets}. */
export function mayHoldLink(text: string): boolean {
  return text.includes('://') || /www\./i.test(text);
}

function isToken(value: string): boolean {
  if (ONLY_DIGITS.test(value)) return false;
  return value.length >= 16 || (value.length >= 8 && HAS_DIGIT.test(value) && HAS_LETTER.test(value));
}

/** Replaces tokens in every link of `text`; `onToken` is called once per token replaced. */
export function redactLinkSecrets(text: string, onToken: () => void): string {
  return text.replace(LINK, (link) => {
    // Sentence punctuation after a link is not part of it ("…/reset/abc123def.").
    const trailing = WORD_END.exec(link)?.[0] ?? '';
    const body = link.slice(0, link.length - trailing.length);
    const hostEnd = hostLength(body);
    const rest = body.slice(hostEnd).replace(PART, (part, separator: string, value: string) => {
      if (!isToken(value)) return part;
      onToken();
      return separator + TOKEN_PLACEHOLDER;
    });
    return body.slice(0, hostEnd) + rest + trailing;
  });
}

/** Length of the scheme and host (with port), which are never tokens. */
function hostLength(link: string): number {
  const scheme = link.indexOf('://');
  const start = scheme >= 0 ? scheme + 3 : 0;
  for (let i = start; i < link.length; i++) {
    const c = link[i]!;
    if (c === '/' || c === '?' || c === '#') return i;
  }
  return link.length;
}
