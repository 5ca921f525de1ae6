/**
 * Mirrors the server's rule (libs/identity PASSWORD_RULE: 8–128 characters, at least one letter and one digit) so the
 * form can say what is wrong before sending; the server stays the judge.
 */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-zÀ-ỹ])(?=.*\d).{8,128}$/;

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
