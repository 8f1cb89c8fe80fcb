import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreModerationSettings } from '@lesplein/contracts/moderation';
import { usePreModerationSettings } from '../../../features/administration/get-pre-moderation-settings';
import { useUpdatePreModerationSettings } from '../../../features/administration/update-pre-moderation-settings';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { onSubmit, useForm } from '../../../lib/use-form';

type Mode = PreModerationSettings['mode'];
const MODES: readonly Mode[] = ['off', 'all', 'first_n'];
type Values = { mode: Mode; firstN: string };

/** Pre-moderation: off, every new resource, or each member's first N; saved after confirming. */
export function PreModerationSection() {
  const { t } = useTranslation();
  const settings = usePreModerationSettings();
  return (
    <section className="section" aria-labelledby="pre-moderation">
      <h2 id="pre-moderation">{t('administration.settings.preModeration.title')}</h2>
      <p>{t('administration.settings.preModeration.intro')}</p>
      {settings.isPending ? <Spinner label={t('common.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{describeProblem(settings.error).formError}</Alert> : null}
      {settings.data ? <PreModerationForm current={settings.data} /> : null}
    </section>
  );
}

function PreModerationForm({ current }: { current: PreModerationSettings }) {
  const { t } = useTranslation();
  const ids = `mode${useId().replace(/:/g, '')}`;
  const [initial] = useState<Values>(() => ({ mode: current.mode, firstN: String(current.firstN) }));
  const form = useForm<Values>(initial);
  const update = useUpdatePreModerationSettings();
  const [pending, setPending] = useState<PreModerationSettings | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const describe = (settings: PreModerationSettings) => t(`administration.settings.preModeration.describe.${settings.mode}`, { count: settings.firstN });

  const submit = () => {
    setSaved(null);
    const request = { mode: form.values.mode, firstN: form.values.firstN.trim() === '' ? undefined : Number(form.values.firstN) };
    const checked = form.check(PreModerationSettings, request);
    if (!checked) return;
    if (checked.mode === current.mode && checked.firstN === current.firstN) {
      form.invalid({}, t('administration.settings.nothingChanged'));
      return;
    }
    setConfirmError(null);
    setPending(checked);
  };

  const confirm = () => {
    if (!pending) return;
    update.mutate(pending, {
      onSuccess: (result) => {
        setPending(null);
        form.reset({ mode: result.mode, firstN: String(result.firstN) });
        setSaved(t('administration.settings.preModeration.saved', { setting: describe(result) }));
      },
      onError: (error) => setConfirmError(describeProblem(error).formError),
    });
  };

  return (
    <>
      <p>{t('administration.settings.preModeration.current', { setting: describe(current) })}</p>
      {saved ? (
        <Alert tone="success" focusOnMount>
          {saved}
        </Alert>
      ) : null}
      <Form label={t('administration.settings.preModeration.title')} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
        <fieldset className="choice-list">
          <legend>{t('administration.settings.preModeration.mode')}</legend>
          {MODES.map((mode) => (
            <div className="choice" key={mode}>
              <input id={`${ids}-${mode}`} type="radio" name={`${ids}-mode`} value={mode} checked={form.values.mode === mode} onChange={() => form.setValue('mode', mode)} aria-describedby={`${ids}-${mode}-hint`} />
              <label htmlFor={`${ids}-${mode}`}>{t(`administration.settings.preModeration.modes.${mode}`)}</label>
              <p className="field__hint choice__hint" id={`${ids}-${mode}-hint`}>
                {t(`administration.settings.preModeration.hints.${mode}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <TextField
          label={t('administration.settings.preModeration.firstN')}
          hint={t('administration.settings.preModeration.firstNHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          className="admin-narrow-field"
          value={form.values.firstN}
          onValueChange={(v) => form.setValue('firstN', v)}
          error={form.fieldErrors.firstN}
          disabled={form.values.mode !== 'first_n'}
        />
        <div className="actions">
          <Button type="submit">{t('administration.settings.preModeration.save')}</Button>
        </div>
      </Form>
      <ConfirmDialog
        open={pending !== null}
        title={t('administration.settings.preModeration.confirmTitle')}
        confirmLabel={t('administration.settings.preModeration.confirmAction')}
        busyLabel={t('common.saving')}
        busy={update.isPending}
        error={confirmError}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending ? (
          <>
            <p>{t('administration.settings.preModeration.confirmBody', { setting: describe(pending) })}</p>
            <p>{pending.mode === 'off' ? t('administration.settings.preModeration.confirmOff') : t('administration.settings.preModeration.confirmOn')}</p>
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
