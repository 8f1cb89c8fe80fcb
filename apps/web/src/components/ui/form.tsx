import type { FormEvent, ReactNode, Ref } from 'react';
import { Alert } from './alert';

export interface FormProps {
  /** Accessible name of the form (id of its heading), so it is exposed as a landmark. */
  labelledBy?: string;
  label?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Form-level error, shown in an alert above the fields. */
  error?: string | null;
  children: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  className?: string;
}

/**
 * A form without the browser's own validation bubbles: the app validates with the contract
 * schemas and shows translated messages next to the fields.
 */
export function Form({ labelledBy, label, onSubmit, error, children, formRef, className }: FormProps) {
  return (
    <form
      ref={formRef}
      className={['form', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      noValidate
      onSubmit={onSubmit}
    >
      {error ? (
        <Alert tone="error" formAlert>
          {error}
        </Alert>
      ) : null}
      {children}
    </form>
  );
}
