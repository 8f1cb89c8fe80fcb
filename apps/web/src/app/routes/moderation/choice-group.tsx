import { useId, type ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * Radio buttons in a fieldset with a legend; the error is linked to the group and marks every
 * button invalid, so the first one gets focus after a failed submit. Arrow keys move between the
 * buttons (the browser's own radio behaviour).
 */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  choices,
  value,
  onChange,
  error,
  disabled = false,
  inline = false,
  autoFocus = false,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  disabled?: boolean;
  inline?: boolean;
  /** Marks the chosen (or first) button for the dialog's initial focus. */
  autoFocus?: boolean;
}) {
  const id = `choice${useId().replace(/:/g, '')}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const focusIndex = Math.max(0, choices.findIndex((choice) => choice.value === value));
  return (
    <fieldset className={['choice-list', inline ? 'choice-list--inline' : '', error ? 'choice-list--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {choices.map((choice, index) => (
        <div className="choice" key={choice.value}>
          <input
            id={`${id}-${choice.value}`}
            type="radio"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
            data-autofocus={(autoFocus && index === focusIndex) || undefined}
            onChange={() => onChange(choice.value)}
          />
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          {choice.hint ? (
            <p className="field__hint choice__hint" id={`${id}-${choice.value}-hint`}>
              {choice.hint}
            </p>
          ) : null}
        </div>
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
