import { useId, useState, type ReactNode } from 'react';

interface SearchFormProps {
  /** The field's label, e.g. "Search people". */
  label: string;
  hint?: string;
  /** The search in effect. */
  value: string;
  onSearch: (search: string) => void;
  /** Filters shown beside the search field, such as a status drop-down. */
  children?: ReactNode;
}

/** A search field applied on Enter or with the Search button, with a way back to everything. */
export function SearchForm({ label, hint, value, onSearch, children }: SearchFormProps) {
  const [text, setText] = useState(value);
  const id = useId();
  return (
    <form
      role="search"
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        <div className="inline-controls">
          <input
            id={id}
            type="search"
            value={text}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
          <button type="submit">Search</button>
          {value !== '' && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setText('');
                onSearch('');
              }}
            >
              Show all
            </button>
          )}
        </div>
      </div>
      {children}
    </form>
  );
}
