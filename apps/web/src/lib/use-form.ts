import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { describeProblem, validateWith, type DescribeOptions, type FieldErrors } from './form';

/**
 * State for one form: values, per-field errors and the form-level error. After a failed
 * submit, focus moves to the first invalid field (or the alert), so keyboard and screen
 * reader users land on what needs fixing.
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (failures === 0) return;
    const form = formRef.current;
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[data-form-alert]');
    target?.focus();
  }, [failures]);

  const setValue = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setFieldErrors((current) => {
      if (!(name as string in current)) return current;
      const next = { ...current };
      delete next[name as string];
      return next;
    });
  }, []);

  /** Validates with a contract schema; returns the parsed data or null (errors shown). */
  const check = useCallback(<S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null => {
    const result = validateWith(schema, input);
    if (result.success) {
      setFieldErrors({});
      setFormError(null);
      return result.data;
    }
    // Errors for inputs the form does not show (e.g. a token from the URL) go to the alert.
    const hidden = Object.entries(result.fieldErrors)
      .filter(([key]) => !(key in values))
      .map(([, message]) => message);
    setFieldErrors(result.fieldErrors);
    setFormError(hidden.length ? [...new Set(hidden)].join(' ') : null);
    setFailures((n) => n + 1);
    return null;
  }, [values]);

  /** Shows errors found by the page itself (e.g. two passwords that differ). */
  const invalid = useCallback((errors: FieldErrors, message: string | null = null) => {
    setFieldErrors(errors);
    setFormError(message);
    setFailures((n) => n + 1);
  }, []);

  /** Shows an error thrown by the API client. */
  const fail = useCallback((error: unknown, options: DescribeOptions = {}) => {
    const described = describeProblem(error, { fields: Object.keys(values), ...options });
    setFieldErrors(described.fieldErrors);
    setFormError(described.formError);
    setFailures((n) => n + 1);
  }, [values]);

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const reset = useCallback((next: T = initial) => {
    setValues(next);
    setFieldErrors({});
    setFormError(null);
  }, [initial]);

  return { values, setValues, setValue, fieldErrors, formError, setFormError, check, invalid, fail, clearErrors, reset, formRef };
}

/** Wraps a submit handler: prevents the page load and ignores the event otherwise. */
export function onSubmit(handler: () => void | Promise<void>) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handler();
  };
}
