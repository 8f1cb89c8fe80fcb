import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Escape, the cancel button, or the parent deciding it is done. */
  onClose: () => void;
  children: ReactNode;
  /** For confirmations of something that cannot be undone (announced as an alert dialog). */
  alert?: boolean;
  /** While true, Escape does not close the dialog (a request is running). */
  busy?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside, makes the
 * rest of the page inert, closes on Escape and returns focus to the element that opened it.
 * The element marked `data-autofocus` gets focus when it opens (for confirmations: the safe
 * choice). Content is only rendered while open, so every opening starts fresh.
 */
export function Dialog({ open, title, onClose, children, alert = false, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `dialog${useId().replace(/:/g, '')}`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** An error from the last attempt, shown inside the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" for destructive actions; Cancel has focus first. */
export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onCancel} alert busy={busy}>
      <div className="dialog__body">{children}</div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="actions dialog__actions">
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm} busy={busy} busyLabel={busyLabel}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
