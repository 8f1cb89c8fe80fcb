import { useState } from 'react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../lib/form';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Spinner } from './ui/spinner';

type PauseSettings = { paused: boolean };

export interface HistoryPauseTexts {
  title: string;
  intro: string;
  statePaused: string;
  stateOn: string;
  pause: string;
  resume: string;
  pausedDone: string;
  resumedDone: string;
}

/**
 * "Pause my history": the state and one button, for every history a member can pause (viewed
 * resources, searches). The page passes its own query, mutation and translated texts.
 */
export function HistoryPauseSection({ id, settings, change, texts }: { id: string; settings: UseQueryResult<PauseSettings>; change: UseMutationResult<PauseSettings, unknown, PauseSettings>; texts: HistoryPauseTexts }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const paused = settings.data?.paused ?? false;

  const toggle = () => {
    setMessage(null);
    change.mutate(
      { paused: !paused },
      {
        onSuccess: (result) => setMessage({ tone: 'success', text: result.paused ? texts.pausedDone : texts.resumedDone }),
        onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
      },
    );
  };

  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{texts.title}</h2>
      <p>{texts.intro}</p>
      {settings.isPending ? <Spinner label={t('common.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{describeProblem(settings.error).formError}</Alert> : null}
      {settings.data ? (
        <>
          <p>
            <span className={paused ? 'status-pill status-pill--off' : 'status-pill status-pill--on'}>{paused ? texts.statePaused : texts.stateOn}</span>
          </p>
          <div className="actions">
            <Button variant="secondary" onClick={toggle} busy={change.isPending} busyLabel={t('common.saving')}>
              {paused ? texts.resume : texts.pause}
            </Button>
          </div>
        </>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
