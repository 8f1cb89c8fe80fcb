import { useTranslation } from 'react-i18next';
import { groupTaxonomy, taxonomyName } from '../features/taxonomy/get-taxonomy';
import { CheckboxField } from './ui/field';

interface Item {
  key: string;
  nameNl: string;
  nameEn: string;
  parentKey: string | null;
}

/**
 * Grouped checkboxes for levels or subjects: one group per top-level entry (used by the profile
 * and the resource form).
 */
export function TaxonomyChecklist({
  legend,
  items,
  selected,
  onChange,
  error,
  name,
}: {
  legend: string;
  items: readonly Item[];
  selected: readonly string[];
  onChange: (keys: string[]) => void;
  error?: string | undefined;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const chosen = new Set(selected);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    // Keep the taxonomy's display order.
    onChange(items.filter((item) => next.has(item.key)).map((item) => item.key));
  };
  const errorId = `${name}-error`;
  // Entries without children first, as one list; then one group per entry with children.
  const groups = groupTaxonomy(items);
  const singles = groups.filter((group) => group.items.length === 0);
  const nested = groups.filter((group) => group.items.length > 0);

  return (
    <fieldset className="checklist" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {singles.length > 0 ? (
        <div className="checklist__singles">
          {singles.map((group) => (
            <CheckboxField
              key={group.root.key}
              name={name}
              value={group.root.key}
              label={taxonomyName(group.root, language)}
              checked={chosen.has(group.root.key)}
              onCheckedChange={(on) => toggle(group.root.key, on)}
            />
          ))}
        </div>
      ) : null}
      <div className="checklist__groups">
        {nested.map((group) => (
          <fieldset key={group.root.key} className="checklist__group">
            <legend>{taxonomyName(group.root, language)}</legend>
            <CheckboxField
              name={name}
              value={group.root.key}
              label={t('taxonomy.general', { name: taxonomyName(group.root, language) })}
              checked={chosen.has(group.root.key)}
              onCheckedChange={(on) => toggle(group.root.key, on)}
            />
            {group.items.map(({ item, depth }) => (
              <CheckboxField
                key={item.key}
                name={name}
                value={item.key}
                className={`checklist__depth-${Math.min(depth, 3)}`}
                label={taxonomyName(item, language)}
                checked={chosen.has(item.key)}
                onCheckedChange={(on) => toggle(item.key, on)}
              />
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
