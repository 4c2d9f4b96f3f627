import type { Connection } from './sqlite-connection.js';
import { SEARCH_SEPARATOR, searchText, type SqlParams } from './event-sql.js';

// Search from an index: an FTS5 table of trigrams over each event's search text (its
// searched fields lower-cased by JavaScript, see `searchText`), keyed by the event's `seq`.
// The needle is lower-cased the same way and matched as an exact, case-sensitive substring
// (GLOB), so the index answers exactly what `matchesSearch` answers, Unicode case rules
// included. A trigram index needs three characters: shorter needles, and needles holding the
// field separator, are matched by the JavaScript function over the rows as before. The
// latest events' text waits in a backlog until it is folded into the index in bulk, and is
// searched there meanwhile (sqlite-search-backlog.ts).

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

/**
 * The events whose search text holds the (indexable) needle. FTS5 turns a GLOB into the
 * needle's every trigram and reads each one's whole list of rows: for `user-42`, `use` and
 * `ser` are in every event, and reading them cost more than the rest of the search. Given
 * `terms` (some of the needle's trigrams, the rare ones), the index reads only those, and
 * the GLOB, evaluated by SQLite on each row they find (`+` keeps it from the index), decides.
 * Which trigrams are chosen changes only the speed, never the rows: each is in every match.
 */
export function indexedSearchCondition(
  params: SqlParams,
  lowered: string,
  terms: readonly string[] = [],
): string {
  const glob = `*${globLiteral(lowered)}*`;
  const indexed =
    terms.length === 0
      ? `SELECT rowid FROM event_search WHERE search_text GLOB ${params.add(glob)}`
      : `SELECT rowid FROM event_search
         WHERE event_search MATCH ${params.add(allOf(terms))} AND +search_text GLOB ${params.add(glob)}`;
  // The events not yet folded into the index (sqlite-search-backlog.ts), matched by the
  // same GLOB over the same text. One statement reads one snapshot, and a fold moves rows
  // in one transaction, so each event is read from exactly one of the two.
  return `seq IN (${indexed}
    UNION ALL SELECT seq FROM event_search_pending WHERE search_text GLOB ${params.add(glob)})`;
}

/** The distinct trigrams of a text, by code point as the tokenizer splits it. */
export function trigramsOf(text: string): string[] {
  const chars = [...text];
  const found = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) found.add(chars.slice(i, i + 3).join(''));
  return [...found];
}

/** An FTS5 query for rows holding every term: each a string, its quotes doubled. */
export function allOf(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * How many rows a trigram may have and still be read, tried in turn: reading 5,000 rows of a
 * trigram's list takes well under a millisecond, 50,000 a few; a list of a million (`use` in
 * `user-…`) costs tens of milliseconds, more than checking the rows the rarer ones find.
 */
const PROBE_LIMITS = [5000, 50_000];
/** Trigrams probed per needle at most (spread over it), so a long needle costs a bounded time. */
const MAX_PROBES = 12;

/**
 * The needle's trigrams worth reading from the index: those with fewer rows than the first
 * limit any of them is under, found by reading at most that many of each (`count` answers
 * min(rows, limit) for an FTS5 query). None when every trigram is common: the index's own
 * plan is then as good as any.
 */
export function rareTrigrams(
  lowered: string,
  count: (query: string, limit: number) => number,
): string[] {
  const all = trigramsOf(lowered);
  const step = Math.max(1, Math.ceil(all.length / MAX_PROBES));
  const probed = all.filter((_, index) => index % step === 0 || index === all.length - 1);
  for (const limit of PROBE_LIMITS) {
    const rare = probed.filter((term) => count(allOf([term]), limit) < limit);
    if (rare.length > 0) return rare;
  }
  return [];
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
