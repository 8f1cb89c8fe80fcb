import type { ReactNode } from 'react';
import { useAutoFocus } from '../../lib/use-auto-focus';

type Tone = 'error' | 'success' | 'info' | 'warning';

export interface AlertProps {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  /** Marks the alert as the place to move focus to after a failed submit. */
  formAlert?: boolean;
  /** Moves focus to the alert when it appears (when it replaces the form that had focus). */
  focusOnMount?: boolean;
  id?: string;
}

/**
 * A message box. Errors use role="alert" (announced at once); everything else is a polite
 * status region.
 */
export function Alert({ tone = 'info', title, children, formAlert = false, focusOnMount = false, id }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  const ref = useAutoFocus<HTMLDivElement>();
  return (
    <div
      ref={focusOnMount ? ref : undefined}
      id={id}
      className={`alert alert--${tone}`}
      role={urgent ? 'alert' : 'status'}
      tabIndex={formAlert || focusOnMount ? -1 : undefined}
      data-form-alert={formAlert || undefined}
    >
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}
