import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBlocks } from '../../features/follows/list-blocks';
import { useSetBlock } from '../../features/follows/set-block';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';

/** /account/blocks — "Geblokkeerde leden": members I blocked, each with "Deblokkeren". */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('blocks.title'));
  const blocks = useBlocks();
  const setBlock = useSetBlock();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const items = blocks.data?.items ?? [];

  const unblock = (handle: string, name: string) => {
    setMessage(null);
    setBlock.mutate(
      { handle, blocked: false },
      {
        onSuccess: () => setMessage({ tone: 'success', text: t('member.community.unblocked', { name }) }),
        onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? t('problem.unknown') }),
      },
    );
  };

  return (
    <div className="page page--narrow">
      <h1>{t('blocks.title')}</h1>
      <p className="lead">{t('blocks.intro')}</p>
      {message ? (
        <Alert tone={message.tone} focusOnMount={message.tone === 'success'}>
          {message.text}
        </Alert>
      ) : null}
      {blocks.isPending ? <Spinner label={t('common.loading')} /> : null}
      {blocks.isError ? <Alert tone="error">{describeProblem(blocks.error).formError}</Alert> : null}
      {blocks.isSuccess && items.length === 0 ? <p>{t('blocks.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('blocks.title')}>
          {items.map((member) => (
            <li key={member.handle} className="item-list__item">
              <div className="item-list__main">
                <p className="item-list__title">
                  <Link to={`/members/${encodeURIComponent(member.handle)}`}>{member.displayName}</Link>
                </p>
              </div>
              <div className="item-list__actions">
                <Button
                  variant="secondary"
                  busy={setBlock.isPending && setBlock.variables.handle === member.handle}
                  busyLabel={t('common.saving')}
                  onClick={() => unblock(member.handle, member.displayName)}
                >
                  {t('member.community.unblock', { name: member.displayName })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
