import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/** The recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [codes]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="recovery-codes" role="region" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" ref={headingRef} tabIndex={-1}>
        {t('security.recovery.codesTitle')}
      </h3>
      <p>{t('security.recovery.codesIntro')}</p>
      <ol className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="form__note">{t('security.recovery.copyHint')}</p>
      <div className="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('security.recovery.copy')}
        </Button>
        <Button variant="primary" onClick={onDone}>
          {t('security.recovery.done')}
        </Button>
        <span role="status" className="recovery-codes__status">
          {copied === 'yes' ? t('security.recovery.copied') : copied === 'failed' ? t('security.recovery.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}
