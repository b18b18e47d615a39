/**
 * What every export shares: CSV text a spreadsheet cannot be tricked into running (RFC 4180 quoting
 * plus formula neutralisation), and file names that are safe to hand to a download on any system.
 * Pure: no DOM, so Node pipelines can write the same files.
 */

/**
 * A text cell a spreadsheet would read as a formula or a command gets a leading apostrophe, the
 * OWASP-recommended neutralisation (CSV injection): `=`, `+`, `-`, `@` (and their full-width forms,
 * which some spreadsheet locales convert), also after leading spaces, or a tab, carriage return or
 * line feed first. The text is otherwise unchanged.
 *
 * Only text goes through this: a number the export writes as a number (`-30`, an NPS) is data we
 * produced ourselves, cannot carry a formula, and must stay a number the spreadsheet can compute
 * with. The same characters arriving as text (a label "-30" from a file) are neutralised.
 */
export function neutralizeFormula(text: string): string {
  return /^[\t\r\n]|^[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

/** A value of a CSV cell: text (neutralised), a number (written as is, rounded to `decimals`), or empty. */
export type CsvValue = string | number | null | undefined;

/**
 * One cell, RFC 4180: quoted when it holds a quote, a comma, a semicolon (the separator spreadsheets
 * use in comma-decimal locales, so a cell cannot split there either), a tab or a line break.
 */
export function csvCell(value: CsvValue, decimals = 2): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const factor = 10 ** decimals;
    // `+ 0` turns −0 into 0: a rounded −0.001 should not print "-0".
    text = String(Math.round(value * factor) / factor + 0);
  } else text = neutralizeFormula(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: CRLF line ends (RFC 4180), a final line end. */
export function csvDocument(rows: readonly (readonly CsvValue[])[], decimals = 2): string {
  return rows.map((row) => row.map((value) => csvCell(value, decimals)).join(',')).join('\r\n') + '\r\n';
}

/** Device names Windows reserves whatever the extension (`CON.csv` is the console, not a file). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** UTF-8 length in bytes: file systems limit names to 255 bytes, and Arabic or Greek letters take two. */
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * A file name for a download: the name in any script (Arabic, Greek, Polish letters stay), made safe
 * on Windows, macOS and Linux, ending in `.extension`.
 * - Bidirectional overrides and other invisible format characters are dropped ("a\u202Eexe.csv" would
 *   show as "avsc.exe"), control characters and everything but letters, marks, digits, `_`, `-`, `.`,
 *   `(`, `)` become `-` (path separators, `<>:"|?*`, spaces).
 * - No `..`, no leading or trailing dot or dash (hidden files, Windows' trailing-dot rule), a reserved
 *   device name gets a `_`, a name already ending in `.extension` does not get it twice.
 * - At most `maxLength` characters (whole graphemes) and 200 UTF-8 bytes before the extension.
 * - Nothing left: `fallback`.
 */
export function sanitizeFileName(name: string, extension: string, fallback = 'export', maxLength = 100): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase();
  let base = name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}_.()-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-');
  if (ext && base.toLowerCase().endsWith(`.${ext}`)) base = base.slice(0, -(ext.length + 1));
  const trim = (text: string) => text.replace(/^[-._]+|[-._]+$/g, '');
  base = trim(base);
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(base)].map((s) => s.segment);
  if (graphemes.length > maxLength || utf8Length(base) > 200) {
    let cut = graphemes.slice(0, maxLength);
    while (cut.length && utf8Length(cut.join('')) > 200) cut = cut.slice(0, -1);
    base = trim(cut.join(''));
  }
  const [first = '', ...rest] = base.split('.');
  if (RESERVED.test(first)) base = [`${first}_`, ...rest].join('.');
  if (!base) base = fallback;
  return ext ? `${base}.${ext}` : base;
}
