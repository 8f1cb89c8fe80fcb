import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@lesplein/contracts/security';
import { useSessions } from '../../../features/security/get-sessions';
import { useEndSession } from '../../../features/security/end-session';
import { useSignOutOthers } from '../../../features/security/sign-out-others';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format';
import { useDeviceLabel } from './device-label';

export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const sessions = useSessions();
  const endSession = useEndSession();
  const signOutOthers = useSignOutOthers();
  const deviceLabel = useDeviceLabel();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const onEnd = (session: SessionInfo) => {
    setMessage(null);
    endSession.mutate(session.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('security.sessions.ended') }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };

  const onSignOutOthers = () => {
    setMessage(null);
    signOutOthers.mutate(undefined, {
      onSuccess: (result) => setMessage({ tone: 'success', text: t('security.sessions.othersEnded', { count: result.ended }) }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };

  const others = sessions.data?.items.filter((session) => !session.current).length ?? 0;

  return (
    <section className="section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('security.sessions.title')}</h2>
      <p>{t('security.sessions.intro')}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {sessions.isPending ? <Spinner label={t('common.loading')} /> : null}
      {sessions.isError ? <Alert tone="error">{describeProblem(sessions.error).formError}</Alert> : null}
      {sessions.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('security.sessions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('security.columns.device')}</th>
                  <th scope="col">{t('security.columns.ip')}</th>
                  <th scope="col">{t('security.columns.since')}</th>
                  <th scope="col">{t('security.columns.lastSeen')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('security.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.items.map((session) => {
                  const device = deviceLabel(session.userAgent);
                  const lastSeen = formatDateTime(session.lastSeenAt, language);
                  const pending = endSession.isPending && endSession.variables === session.id;
                  return (
                    <tr key={session.id}>
                      <th scope="row">{device}</th>
                      <td>{session.ipPrefix ?? t('security.unknown')}</td>
                      <td>{formatDateTime(session.createdAt, language)}</td>
                      <td>{lastSeen}</td>
                      <td>
                        {session.current ? (
                          <span className="badge">{t('security.sessions.current')}</span>
                        ) : (
                          <Button
                            variant="secondary"
                            busy={pending}
                            busyLabel={t('security.sessions.ending')}
                            onClick={() => onEnd(session)}
                          >
                            {t('security.sessions.end')}
                            <span className="visually-hidden">
                              {' '}
                              {t('security.sessions.endDetails', { device, time: lastSeen })}
                            </span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {others > 0 ? (
            <div className="actions">
              <Button
                variant="secondary"
                busy={signOutOthers.isPending}
                busyLabel={t('security.sessions.ending')}
                onClick={onSignOutOthers}
              >
                {t('security.sessions.signOutOthers')}
              </Button>
            </div>
          ) : (
            <p>{t('security.sessions.onlyThis')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
