/**
 * Check digits that tell a real account or card number from any run of digits: Luhn for payment
 * cards, ISO 13616 mod 97 with the registry's length per country for IBANs. Redaction uses them so a
 * valid number is named for what it is and an order number is not called a card.
 */

/** IBAN length by country: ISO 13616 / SWIFT IBAN registry (SEPA and EU, the Gulf, and the other issuers). */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
    CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
    FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
    IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24,
    ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29,
    PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23,
    ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
  }),
);

const IBAN_SHAPE = /^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/;

/** The expected IBAN length for a country code (any case), or undefined for a country without IBANs. */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS.get(country.toUpperCase());
}

/** The value of a decimal digit (ASCII, Arabic-Indic, Extended Arabic-Indic or full-width), or −1. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  return -1;
}

/** Luhn (ISO/IEC 7812) check over the digits; spaces and dashes are ignored, any other character fails. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let count = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    const code = digits.charCodeAt(i);
    if (code === 0x20 || code === 0x2d) continue;
    let value = digitValue(code);
    if (value < 0) return false;
    if (count % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    count++;
  }
  return count >= 2 && sum % 10 === 0;
}

/** ISO 13616: known country, that country's length, mod 97-10 check. Spaces anywhere, any case. */
export function ibanValid(candidate: string): boolean {
  const compact = candidate.replace(/[ \u00a0]/g, '').toUpperCase();
  if (!IBAN_SHAPE.test(compact) || IBAN_LENGTHS.get(compact.slice(0, 2)) !== compact.length) return false;
  // Country and check digits move to the end, letters count as 10–35; reducing as we go keeps it exact in a double.
  let remainder = 0;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt((i + 4) % compact.length);
    const value = code <= 0x39 ? code - 0x30 : code - 0x37;
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder === 1;
}
