/**
 * What a search text of the ticket list means (pure): a ticket code (or its beginning), a citizen's phone number (any way of
 * writing it), the beginning of a citizen's name, or words of the subject. Subject words go to the FULLTEXT index in boolean
 * mode (each word a prefix: `+đường* +hỏng*`); words shorter than the index's minimum token (3) cannot be found there, so a
 * text made only of short words searches the subject's beginning instead.
 */
import { parsePhone } from '@hotline/contracts';

const CODE = /^[A-Z0-9-]{2,20}$/i;
/** InnoDB's innodb_ft_min_token_size default: shorter words are not in the index. */
const MIN_WORD = 3;
/** FULLTEXT boolean-mode operators, taken as separators in the user's text. */
const OPERATORS = /[+\-<>()~*"@]+/g;

export interface SearchIntent {
  codePrefix: string | null;
  /** E.164 when the text is a phone number. */
  phone: string | null;
  /** The beginning of a citizen's name (also tried for a code-like text: names are letters too). */
  namePrefix: string | null;
  subjectWords: string | null;
  subjectPrefix: string | null;
}

export function searchIntent(raw: string): SearchIntent {
  const text = raw.trim().replace(/\s+/g, ' ');
  const parsed = /\d/.test(text) ? parsePhone(text) : null;
  const phone = parsed?.ok ? parsed.e164 : null;
  const words = text
    .replace(OPERATORS, ' ')
    .split(' ')
    .filter((w) => [...w].length >= MIN_WORD);
  const letters = /\p{L}/u.test(text);
  return {
    codePrefix: CODE.test(text) ? text.toUpperCase() : null,
    phone,
    namePrefix: letters && !phone ? text : null,
    subjectWords: words.length ? words.map((w) => `+${w}*`).join(' ') : null,
    subjectPrefix: words.length || !letters ? null : text,
  };
}
