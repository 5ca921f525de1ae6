import { PASSWORD_RULE } from '@hotline/contracts';

/** The server's own rule (from contracts), so the form can say what is wrong before sending; the server stays the judge. */
export const PASSWORD_PATTERN = PASSWORD_RULE;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A temporary password an admin can read out over the phone: no 0/O, 1/l/I; always a letter and a digit. */
export function generatePassword(length = 12): string {
  const bytes = new Uint32Array(length);
  for (;;) {
    crypto.getRandomValues(bytes);
    const pw = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    if (PASSWORD_PATTERN.test(pw)) return pw;
  }
}
