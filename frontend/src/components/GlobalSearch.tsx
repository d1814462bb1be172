import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { globalSearchQuery, hitPath, HitText, jumpTarget, type SearchHit } from './searchHits';

/** Fewer characters than this find too much to be worth asking. */
export const MIN_QUERY_LENGTH = 3;
/** How long typing pauses before the search asks. */
export const SEARCH_DELAY_MS = 250;
const HITS = 8;

/** `value`, once it has stayed the same for `delay`; `settle()` takes it at once. */
function useDebounced(value: string, delay: number): [string, () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSettled(value);
    }, delay);
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, delay]);
  const settle = () => {
    setSettled(value);
  };
  return [settled, settle];
}

/** Whether a key press goes into a text control (the "/" shortcut then types a slash). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" anywhere but in a text control focuses the search. */
function useSlashShortcut(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [input]);
}

/**
 * The header's search (the ARIA 1.2 combobox pattern with a list box): typing a license key, a
 * customer's email or an invoice or order number lists what matches; the arrow keys move
 * through it, Enter opens the one chosen, and Enter without choosing opens the only match or
 * the exact one. Escape closes the list, then empties the field. "/" focuses it from anywhere.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // the option chosen with the arrow keys, for the query it was chosen in
  const [active, setActive] = useState({ query: '', index: -1 });
  // Enter pressed before the answer for what was typed came: where to jump once it comes
  const pendingJump = useRef<string | null>(null);
  useSlashShortcut(input);

  // a new page (a hit opened, or any other way) starts the search afresh
  const [locationKey, setLocationKey] = useState(location.key);
  if (locationKey !== location.key) {
    setLocationKey(location.key);
    setText('');
    setOpen(false);
  }

  const [query, settle] = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const searching = query.length >= MIN_QUERY_LENGTH;
  const [result] = useQuery({ query: globalSearchQuery, variables: { query, first: HITS }, pause: !searching });
  const answered = searching && result.operation?.variables.query === query && !result.fetching;
  const hits = answered ? (result.data?.search ?? null) : null;
  const activeIndex = hits && active.query === query && active.index < hits.length ? active.index : -1;
  const expanded = open && text.trim().length >= MIN_QUERY_LENGTH;

  useEffect(() => {
    if (hits === null || pendingJump.current !== query) return;
    pendingJump.current = null;
    const target = jumpTarget(hits, query);
    if (target) void navigate(hitPath(target));
  }, [hits, query, navigate]);

  /** Enter without an option chosen: the only or exact hit for what is typed, once the answer is there. */
  function jump() {
    const typed = text.trim();
    if (typed.length < MIN_QUERY_LENGTH) return;
    setOpen(true);
    if (hits !== null && query === typed) {
      const target = jumpTarget(hits, typed);
      if (target) void navigate(hitPath(target));
      return;
    }
    pendingJump.current = typed;
    settle();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = hits?.length ?? 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = activeIndex === -1 && step === -1 ? count : activeIndex;
        setActive({ query, index: (from + step + count) % count });
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const chosen = expanded && hits ? hits[activeIndex] : undefined;
        if (chosen) void navigate(hitPath(chosen));
        else jump();
        return;
      }
      case 'Escape':
        event.preventDefault();
        pendingJump.current = null;
        if (expanded) setOpen(false);
        else setText('');
        return;
    }
  }

  const status = expanded ? statusOf(hits) : '';
  return (
    <div className="global-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search by license key, customer email, invoice or order number
      </label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search keys, emails, invoices… ( / )"
        aria-keyshortcuts="/"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
        }}
      />
      <ul id={listId} role="listbox" aria-label="Search results" className="global-search-results" hidden={!expanded}>
        {expanded && hits?.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="global-search-empty">
            No matches for “{text.trim()}”
          </li>
        )}
        {expanded &&
          hits?.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="global-search-hit"
              onMouseDown={(event) => {
                event.preventDefault(); // keep the focus in the field
              }}
              onMouseMove={() => {
                if (index !== activeIndex) setActive({ query, index });
              }}
              onClick={() => {
                void navigate(hitPath(hit));
              }}
            >
              <HitText hit={hit} />
            </li>
          ))}
      </ul>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}

/** What the list holds, for screen readers. */
function statusOf(hits: readonly SearchHit[] | null): string {
  if (hits === null) return 'Searching…';
  if (hits.length === 0) return 'No matches';
  return hits.length === 1 ? '1 result: Enter opens it' : `${hits.length} results: use the arrow keys to choose`;
}
