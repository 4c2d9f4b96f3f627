import type { AuditSearchError } from './search-query.js';

/** One term of a search text, with where each of its parts sits. */
export interface SearchTerm {
  start: number;
  end: number;
  /** A leading `-`: the term excludes. */
  negated: boolean;
  /** The field name as written, when the term is `field:value`. */
  field?: { name: string; start: number; end: number };
  /** The value (or the bare word or phrase), unquoted and unescaped. */
  value: string;
  valueStart: number;
  quoted: boolean;
}

const FIELD = /-?([A-Za-z_][A-Za-z0-9_]*):/y;
const WHITESPACE = /\s/;

/** A quoted string from the `"` at `open`: its text and the index after the closing quote. */
function readQuoted(text: string, open: number): { value: string; end: number } | null {
  let value = '';
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') return { value, end: i + 1 };
    // A backslash keeps the next character as it is, so `\"` and `\\` can be written.
    if (char === '\\') {
      i++;
      if (i === text.length) return null;
    }
    value += text[i];
  }
  return null;
}

function readWord(text: string, from: number): number {
  let end = from;
  while (end < text.length && !WHITESPACE.test(text[end]!)) end++;
  return end;
}

/**
 * Splits a search text into terms: `field:value`, `field:"quoted value"`, `-field:value`,
 * bare words and `"phrases"`. Terms that cannot be read are reported and skipped.
 */
export function tokenize(text: string): { terms: SearchTerm[]; errors: AuditSearchError[] } {
  const terms: SearchTerm[] = [];
  const errors: AuditSearchError[] = [];
  let at = 0;
  while (at < text.length) {
    if (WHITESPACE.test(text[at]!)) {
      at++;
      continue;
    }
    const start = at;
    FIELD.lastIndex = at;
    const field = FIELD.exec(text);
    const negated = field ? field[0].startsWith('-') : false;
    const valueStart = field ? FIELD.lastIndex : at;
    const fieldPart = field && {
      name: field[1]!,
      start: start + (negated ? 1 : 0),
      end: valueStart - 1,
    };
    if (text[valueStart] === '"') {
      const quoted = readQuoted(text, valueStart);
      if (!quoted) {
        errors.push({
          code: 'unterminated_quote',
          message: 'This quote is never closed: add a " where the quoted text ends.',
          start: valueStart,
          end: text.length,
        });
        break;
      }
      at = quoted.end;
      terms.push({
        start,
        end: at,
        negated,
        ...(fieldPart && { field: fieldPart }),
        value: quoted.value,
        valueStart,
        quoted: true,
      });
      continue;
    }
    at = readWord(text, valueStart);
    const value = text.slice(valueStart, at);
    if (fieldPart && value === '') {
      errors.push({
        code: 'missing_value',
        message: `${fieldPart.name}: needs a value right after the colon, such as ${fieldPart.name}:value.`,
        start,
        end: at,
      });
    } else if (!fieldPart && value.startsWith('-')) {
      errors.push({
        code: 'invalid_exclusion',
        message: `Only a field can be excluded: write -field:value, or put "${value}" in quotes to search for it.`,
        start,
        end: at,
      });
    } else {
      terms.push({
        start,
        end: at,
        negated,
        ...(fieldPart && { field: fieldPart }),
        value,
        valueStart,
        quoted: false,
      });
    }
  }
  return { terms, errors };
}
