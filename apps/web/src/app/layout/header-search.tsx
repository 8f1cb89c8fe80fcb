import './header-search.css';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@lesplein/contracts/search';
import { useSuggestions } from '../../features/search/suggest-searches';
import { searchPath } from '../../features/search/search-url';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/**
 * The search box in the header: a combobox (WAI-ARIA 1.2 pattern) offering completions as the
 * member types. Arrow keys move through them, Enter opens one (a resource, or a search for a
 * term), Escape closes the list; Enter without a choice searches for what was typed.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebouncedValue(text, 200);
  const suggestions = useSuggestions(debounced);
  const items = open && text.trim().length >= 2 ? (suggestions.data?.suggestions ?? []) : [];
  const expanded = items.length > 0;

  // The search page has its own, bigger search field.
  if (location.pathname === '/search') return null;

  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    setText('');
    if (suggestion.kind === 'resource' && suggestion.resourceId) void navigate(`/resources/${suggestion.resourceId}`);
    else void navigate(searchPath({ q: suggestion.text }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = items[active];
    if (chosen) return choose(chosen);
    setOpen(false);
    setText('');
    void navigate(searchPath({ q: text.trim() }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
    } else if (event.key === 'Escape' && expanded) {
      // The first Escape only closes the list; a search field would otherwise also clear itself.
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form role="search" className="header-search" onSubmit={submit} aria-label={t('search.header.label')}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('search.header.inputLabel')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        className="header-search__input"
        placeholder={t('search.header.placeholder')}
        autoComplete="off"
        maxLength={200}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-option-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <button type="submit" className="header-search__button">
        {t('search.header.submit')}
      </button>
      <ul id={`${listId}-list`} role="listbox" aria-label={t('search.header.suggestions')} className="header-search__list" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={`${item.kind}-${item.resourceId ?? item.text}`}
            id={`${listId}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className="header-search__option"
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            <span className="header-search__kind">{t(`search.header.kind.${item.kind}`)}</span> {item.text}
          </li>
        ))}
      </ul>
    </form>
  );
}
