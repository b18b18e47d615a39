/**
 * Delimiter sniffing for the CSV reader: which of `,` `;` and tab separates the header's fields.
 * Kept apart from the record parser, which it shares only the character codes with.
 */
import type { CsvDelimiter } from './csv.ts';

export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;
export const COMMA = 0x2c;
export const SEMICOLON = 0x3b;
export const TAB = 0x09;

/**
 * Counts `,`, `;` and tab outside quotes in the first non-empty record, fed incrementally so that a
 * header split across chunks is judged exactly like a whole one. The quoting rules are approximated
 * with all three candidates acting as separators, which is all the decision needs.
 */
export function createDelimiterSniffer(lineLimit: number) {
  let inQuotes = false;
  let quotePending = false;
  /** Line breaks inside quotes, counted as the parser counts them (CRLF is one). */
  let quotedBreaks = 0;
  let quotedCR = false;
  let atFieldStart = true;
  let hasContent = false;
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  return {
    /**
     * Index just past the header's terminator in `text`, or -1 when the header is not complete yet.
     * A header still in quotes after `lineLimit` lines also ends the sniffing (at that line break), so
     * an unclosed quote in the header cannot make the reader hold back the whole file.
     */
    scan(text: string | Uint8Array): number {
      // Bytes work as well as text: every character the decision looks at is ASCII, and UTF-8 never
      // uses an ASCII byte value inside a multi-byte character.
      const bytes = typeof text === 'string' ? null : text;
      for (let i = 0; i < text.length; i++) {
        const c = bytes ? bytes[i]! : (text as string).charCodeAt(i);
        if (inQuotes) {
          if (!quotePending) {
            if (c === QUOTE) quotePending = true;
            else if ((c === CR || (c === LF && !quotedCR)) && ++quotedBreaks >= lineLimit) return i + 1;
            quotedCR = c === CR;
            continue;
          }
          quotePending = false;
          if (c === QUOTE) continue;
          inQuotes = false;
        }
        if (c === CR || c === LF) {
          if (hasContent) return i + 1;
          continue; // a leading empty line: the header is the first record, not the first line
        }
        hasContent = true;
        if (c === COMMA) commas++;
        else if (c === SEMICOLON) semicolons++;
        else if (c === TAB) tabs++;
        else if (c === QUOTE && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
          continue;
        } else {
          atFieldStart = false;
          continue;
        }
        atFieldStart = true;
      }
      return -1;
    },
    /** The most frequent candidate; a tie for first place, or none at all, means ','. */
    decide(): CsvDelimiter {
      if (semicolons > commas && semicolons > tabs) return ';';
      if (tabs > commas && tabs > semicolons) return '\t';
      return ',';
    },
  };
}
