'use client';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type KeyboardEvent,
} from 'react';
import type { FacetField, FacetValue } from '../../client/index.js';
import { parseAuditSearch, type AuditSearchError } from '../../client/search/index.js';
import { FILTER_FIELDS } from '../../contract/field-table.js';
import { filterNames, type FilterLabelOverrides } from '../filters/filter-labels.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { mergeLabels, type AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import {
  applySuggestion,
  listFilterOf,
  queryText,
  suggestionsFor,
  tokenAt,
  withSearch,
  type QueryBarValue,
} from './query-bar-model.js';
import { QueryErrors, QueryMirror } from './query-errors.js';

export interface AuditQueryBarProps extends Omit<
  ComponentPropsWithRef<'div'>,
  'onChange' | 'children' | 'defaultValue'
> {
  /** The applied query; the bar shows it as text. */
  value: QueryBarValue;
  /** Called with the new query when a text without errors is applied (Enter). */
  onChange: (query: QueryBarValue) => void;
  /** Counted values per field, offered while a value of that field is typed. */
  values?: Partial<Record<FacetField, readonly FacetValue[]>>;
  /** The field whose value is being typed, so a parent can count its values. */
  onActiveFieldChange?: (field: FacetField | undefined) => void;
  labels?: FilterLabelOverrides;
  uiLabels?: AuditLabelOverrides;
}

/**
 * The query as text in the search language (`action:delete -severity:debug "apollo"`), with
 * field and value suggestions as a combobox (↑ ↓ pick, Enter takes a suggestion or applies
 * the text, Escape closes the list, then puts back the applied query). A text with errors is
 * not applied; each error is underlined and explained below the input.
 */
export function AuditQueryBar({
  value,
  onChange,
  values,
  onActiveFieldChange,
  labels: overrides,
  uiLabels,
  className,
  ...rest
}: AuditQueryBarProps) {
  const { labels: ui, locale } = useAuditUi(uiLabels);
  const labels = useMemo(() => mergeLabels(ui.filters, overrides), [ui.filters, overrides]);
  const names = useMemo(() => filterNames(labels, ui), [labels, ui]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);

  const applied = queryText(value);
  const [text, setText] = useState(applied);
  const [caret, setCaret] = useState(applied.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Errors show once the text was applied, and then follow every edit until fixed.
  const [checked, setChecked] = useState(false);

  // A query changed elsewhere (a facet, a chip) is shown as text, replacing any draft.
  const [shown, setShown] = useState(applied);
  if (shown !== applied) {
    setShown(applied);
    setText(applied);
    setChecked(false);
  }

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current) return;
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const token = useMemo(() => tokenAt(text, caret), [text, caret]);
  const activeKey = token.field === undefined ? undefined : listFilterOf(token.field);
  const activeField = activeKey === undefined ? undefined : FILTER_FIELDS[activeKey].field;
  useEffect(() => onActiveFieldChange?.(activeField), [activeField, onActiveFieldChange]);

  const suggestions = useMemo(
    () =>
      suggestionsFor(token, {
        values: (field) => values?.[field],
        valueName: names.value,
        formatCount: (n) => number.format(n),
      }).slice(0, 20),
    [token, values, names, number],
  );
  const expanded = open && suggestions.length > 0;
  const errors: AuditSearchError[] = useMemo(
    () => (checked ? parseAuditSearch(text).errors : []),
    [checked, text],
  );

  const readCaret = () => setCaret(input.current?.selectionStart ?? text.length);

  const accept = (index: number) => {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    const next = applySuggestion(text, token, suggestion);
    pendingCaret.current = next.caret;
    setText(next.text);
    setCaret(next.caret);
    setActive(-1);
    setOpen(suggestion.continues);
  };

  const apply = () => {
    const parsed = parseAuditSearch(text);
    setChecked(true);
    setOpen(false);
    if (parsed.errors.length === 0) onChange(withSearch(value, parsed.query));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : suggestions.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (expanded && active >= 0) accept(active);
      else apply();
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== applied) {
        event.preventDefault();
        setText(applied);
        setChecked(false);
      }
    }
  };

  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorsId = `${id}-errors`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div
      role="search"
      aria-label={labels.queryBar}
      {...rootProps('query-bar', className, errors.length > 0 ? 'invalid' : 'valid')}
      {...rest}
    >
      <label htmlFor={`${id}-input`} data-part="query-label">
        {labels.queryBar}
      </label>
      <div data-part="query-field">
        <QueryMirror text={text} errors={errors} />
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? `${errorsId} ${hintId}` : hintId}
          placeholder={labels.queryBarHint}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') readCaret();
          }}
          onClick={readCaret}
          onBlur={() => setOpen(false)}
        />
      </div>
      <ul id={listId} role="listbox" aria-label={labels.suggestions} hidden={!expanded}>
        {expanded
          ? suggestions.map((suggestion, index) => (
              <li
                key={suggestion.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                data-state={index === active ? 'active' : undefined}
                // Keeps focus in the input, so the list does not close before the click.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => accept(index)}
              >
                <span data-part="option-label">{suggestion.label}</span>
                {suggestion.detail === undefined ? null : (
                  <>
                    {' '}
                    <span data-part="option-detail">{suggestion.detail}</span>
                  </>
                )}
              </li>
            ))
          : null}
      </ul>
      <p id={hintId} data-part="query-hint">
        {labels.queryBarHint}
      </p>
      <QueryErrors id={errorsId} text={text} errors={errors} title={labels.queryErrors} />
    </div>
  );
}
