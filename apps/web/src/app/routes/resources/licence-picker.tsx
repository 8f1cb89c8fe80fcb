import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Licence } from '@lesplein/contracts/resource';
import { licenceDeedUrl, licenceOrder, licences } from '../../../lib/licences';

/** The licence as radio buttons, each with what it allows and a link to its Creative Commons deed. */
export function LicencePicker({ value, onChange, error }: { value: Licence | ''; onChange: (licence: Licence) => void; error?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = `licence${useId().replace(/:/g, '')}`;
  const errorId = `${id}-error`;
  const introId = `${id}-intro`;
  return (
    <fieldset className={['choice-list', error ? 'choice-list--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={[introId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend>{t('resources.form.licence')}</legend>
      <p className="field__hint" id={introId}>
        {t('resources.form.licenceIntro')}{' '}
        <a href={t('resources.form.licenceAboutUrl')} target="_blank" rel="noopener noreferrer">
          {t('resources.form.licenceAbout')}
          <span className="visually-hidden"> {t('common.newWindow')}</span>
        </a>
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {licenceOrder.map((licence) => {
        const optionId = `${id}-${licence}`;
        const deed = licenceDeedUrl(licence, language);
        return (
          <div key={licence} className="choice">
            <input
              id={optionId}
              type="radio"
              name={id}
              value={licence}
              checked={value === licence}
              onChange={() => onChange(licence)}
              aria-describedby={`${optionId}-summary`}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={optionId}>
              {t(`licences.${licence}.name`)}
              {deed ? <span className="choice__code"> ({licences[licence].shortName})</span> : null}
            </label>
            <p className="field__hint choice__hint" id={`${optionId}-summary`}>
              {t(`licences.${licence}.summary`)}
              {deed ? (
                <>
                  {' '}
                  <a href={deed} target="_blank" rel="noopener noreferrer">
                    {t('resources.form.licenceDeed')}
                    <span className="visually-hidden">
                      {' '}
                      {licences[licence].shortName} {t('common.newWindow')}
                    </span>
                  </a>
                </>
              ) : null}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
