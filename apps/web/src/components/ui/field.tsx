import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldChrome {
  label: ReactNode;
  /** Shown under the label; linked with aria-describedby. */
  hint?: ReactNode;
  /** Shown under the control; the control gets aria-invalid and aria-describedby. */
  error?: string | undefined;
  /** Extra content after the control (e.g. a visibility select). */
  after?: ReactNode;
  className?: string;
}

function useFieldIds(explicitId: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const id = explicitId ?? `f${generated.replace(/:/g, '')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Chrome({ id, label, hint, hintId, error, errorId, after, className, children }: FieldChrome & { id: string; hintId?: string | undefined; errorId?: string | undefined; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {after}
    </div>
  );
}

export type TextFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onValueChange: (value: string) => void;
  };

/** A labelled text input with optional hint and error message. */
export function TextField({ label, hint, error, after, className, id: explicitId, value, onValueChange, type = 'text', ...rest }: TextFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} after={after} className={className}>
      <input
        {...rest}
        id={id}
        type={type}
        className="field__control"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Chrome>
  );
}

export type TextAreaFieldProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onValueChange: (value: string) => void;
  };

export function TextAreaField({ label, hint, error, after, className, id: explicitId, value, onValueChange, rows = 4, ...rest }: TextAreaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} after={after} className={className}>
      <textarea
        {...rest}
        id={id}
        rows={rows}
        className="field__control"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Chrome>
  );
}

export interface Option {
  value: string;
  label: string;
}

export type SelectFieldProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    options: readonly Option[];
    onValueChange: (value: string) => void;
  };

export function SelectField({ label, hint, error, after, className, id: explicitId, value, options, onValueChange, ...rest }: SelectFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} after={after} className={className}>
      <select
        {...rest}
        id={id}
        className="field__control"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Chrome>
  );
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'type' | 'checked'> {
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A checkbox with its label on the right, and optional hint and error. */
export function CheckboxField({ label, checked, onCheckedChange, hint, error, id: explicitId, className, ...rest }: CheckboxFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={['checkbox', error ? 'checkbox--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <input
        {...rest}
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint checkbox__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error checkbox__hint" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type FileFieldProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> & {
    onFile: (file: File | null) => void;
  };

/** A labelled file input (one file) with optional hint and error message. */
export function FileField({ label, hint, error, after, className, id: explicitId, onFile, ...rest }: FileFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <Chrome id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId} after={after} className={className}>
      <input
        {...rest}
        id={id}
        type="file"
        className="field__control field__control--file"
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Chrome>
  );
}
