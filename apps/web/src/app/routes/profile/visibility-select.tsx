import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldVisibility } from '@lesplein/contracts/profile';

/**
 * "Visibility" select for one profile field. The visible label is short; the accessible name
 * also says which field it is about ("Visibility of school"), so every select is distinct.
 */
export function VisibilitySelect({
  fieldLabel,
  value,
  onChange,
  error,
}: {
  fieldLabel: string;
  value: FieldVisibility;
  onChange: (value: FieldVisibility) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = `vis${useId().replace(/:/g, '')}`;
  return (
    <div className={['visibility', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="visibility__label">
        {t('profile.visibility.label')}
        <span className="visually-hidden"> {t('profile.visibility.of', { field: fieldLabel })}</span>
      </label>
      <select
        id={id}
        className="field__control visibility__control"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          const parsed = FieldVisibility.safeParse(event.target.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        {FieldVisibility.options.map((option) => (
          <option key={option} value={option}>
            {t(`profile.visibility.options.${option}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
