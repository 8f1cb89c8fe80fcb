import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 40;

/**
 * Adds the comma-separated parts of `text` to `current`: trimmed, without empties and without
 * case-insensitive duplicates, up to the maximum. Returns the new list and what was refused.
 */
export function addKeywords(current: readonly string[], text: string): { keywords: string[]; tooLong: string[]; overLimit: boolean } {
  const keywords = [...current];
  const seen = new Set(current.map((keyword) => keyword.toLocaleLowerCase()));
  const tooLong: string[] = [];
  let overLimit = false;
  for (const part of text.split(/[,;\n]/)) {
    const keyword = part.trim().replace(/\s+/g, ' ');
    if (!keyword || seen.has(keyword.toLocaleLowerCase())) continue;
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      tooLong.push(keyword);
      continue;
    }
    if (keywords.length >= MAX_KEYWORDS) {
      overLimit = true;
      break;
    }
    keywords.push(keyword);
    seen.add(keyword.toLocaleLowerCase());
  }
  return { keywords, tooLong, overLimit };
}

/**
 * Keywords as removable chips. Typing a comma or pressing Enter adds what was typed; a pasted
 * comma list becomes several keywords; leaving the field adds what is left in it.
 */
export function KeywordInput({ label, value, onChange, error }: { label: string; value: readonly string[]; onChange: (keywords: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = `keywords${useId().replace(/:/g, '')}`;
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shown = problem ?? error;

  const commit = (text: string) => {
    const result = addKeywords(value, text);
    const added = result.keywords.slice(value.length);
    if (added.length) {
      onChange(result.keywords);
      setAnnouncement(t('resources.form.keywordsAdded', { keywords: added.join(', ') }));
    }
    if (result.tooLong.length) setProblem(t('resources.form.keywordTooLong', { count: MAX_KEYWORD_LENGTH }));
    else if (result.overLimit) setProblem(t('resources.form.keywordsMax', { count: MAX_KEYWORDS }));
    else setProblem(null);
    setDraft(result.tooLong.join(', '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      // Backspace in an empty field takes the last keyword back for editing.
      const last = value[value.length - 1]!;
      event.preventDefault();
      onChange(value.slice(0, -1));
      setDraft(last);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[,;\n]/.test(text)) return;
    event.preventDefault();
    commit(draft + text);
  };

  const remove = (keyword: string) => {
    onChange(value.filter((item) => item !== keyword));
    setAnnouncement(t('resources.form.keywordRemoved', { keyword }));
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={['field', shown ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {t('resources.form.keywordsHint', { count: MAX_KEYWORDS })}
      </p>
      {value.length > 0 ? (
        <ul className="chips" aria-label={t('resources.form.keywordsChosen')}>
          {value.map((keyword) => (
            <li key={keyword} className="chip">
              <span>{keyword}</span>
              <button type="button" className="chip__remove" aria-label={t('resources.form.keywordRemove', { keyword })} onClick={() => remove(keyword)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        className="field__control"
        value={draft}
        enterKeyHint="done"
        autoComplete="off"
        onChange={(event) => {
          const text = event.target.value;
          // A comma typed on a phone keyboard (no keydown key) also adds the keyword.
          if (/[,;]/.test(text)) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          if (draft.trim()) commit(draft);
        }}
        aria-invalid={shown ? true : undefined}
        aria-describedby={[hintId, shown ? errorId : ''].filter(Boolean).join(' ')}
      />
      {shown ? (
        <p className="field__error" id={errorId}>
          {shown}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
