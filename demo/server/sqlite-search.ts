import type { Connection } from './sqlite-connection.js';
import { SEARCH_SEPARATOR, searchText, type SqlParams } from './event-sql.js';

// Search from an index: an FTS5 table of trigrams over each event's search text (its
// searched fields lower-cased by JavaScript, see `searchText`), keyed by the event's `seq`.
// The needle is lower-cased the same way and matched as an exact, case-sensitive substring
// (GLOB), so the index answers exactly what `matchesSearch` answers, Unicode case rules
// included. A trigram index needs three characters: shorter needles, and needles holding the
// field separator, are matched by the JavaScript function over the rows as before.

export const SEARCH_INDEX = `
  CREATE VIRTUAL TABLE event_search USING fts5(search_text, tokenize = 'trigram case_sensitive 1');
`;

/** The needle as the index matches it, or null when the index cannot answer it. */
export function indexedNeedle(needle: string): string | null {
  const lowered = needle.toLowerCase();
  if ([...lowered].length < 3 || lowered.includes(SEARCH_SEPARATOR)) return null;
  return lowered;
}

/** `*`, `?` and `[` stand for themselves inside brackets. */
function globLiteral(text: string): string {
  return text.replace(/[*?[]/g, (ch) => `[${ch}]`);
}

/** The events whose search text holds the (indexable) needle. */
export function indexedSearchCondition(params: SqlParams, lowered: string): string {
  return `seq IN (SELECT rowid FROM event_search WHERE search_text GLOB ${params.add(`*${globLiteral(lowered)}*`)})`;
}

/** Indexes the events a file already holds, a page at a time. */
export function fillSearchIndex(db: Connection): void {
  db.exec(SEARCH_INDEX);
  const page = db.prepare(
    `SELECT seq, description, action, resource_type, resource_id, user_id FROM audit_events
     WHERE seq > ? ORDER BY seq LIMIT 10000`,
  );
  const insert = db.prepare('INSERT INTO event_search (rowid, search_text) VALUES (?, ?)');
  for (let after = 0; ;) {
    const rows = page.all(after) as ({ seq: number } & Parameters<typeof searchText>[0])[];
    if (rows.length === 0) break;
    for (const row of rows) insert.run(row.seq, searchText(row));
    after = rows.at(-1)!.seq;
  }
}
