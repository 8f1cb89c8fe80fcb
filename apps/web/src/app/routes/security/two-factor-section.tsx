import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { CurrentMember } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../../lib/problem-codes';
import { TwoFactorDisableRequest, TwoFactorEnableRequest, type TwoFactorSetupResponse } from '@lesplein/contracts/security';
import { useSetupTwoFactor } from '../../../features/security/setup-two-factor';
import { useEnableTwoFactor } from '../../../features/security/enable-two-factor';
import { useDisableTwoFactor } from '../../../features/security/disable-two-factor';
import { RegenerateRecoveryCodesRequest, useRegenerateRecoveryCodes } from '../../../features/security/regenerate-recovery-codes';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { useAutoFocus } from '../../../lib/use-auto-focus';
import { onSubmit, useForm } from '../../../lib/use-form';
import { RecoveryCodes } from './recovery-codes';

export function TwoFactorSection({ member }: { member: CurrentMember }) {
  const { t } = useTranslation();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="section" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('security.twoFactor.title')}</h2>
      <p>{t('security.twoFactor.intro')}</p>
      <p className={member.twoFactorEnabled ? 'status-pill status-pill--on' : 'status-pill status-pill--off'}>
        {member.twoFactorEnabled ? t('security.twoFactor.on') : t('security.twoFactor.off')}
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} /> : null}
      {!member.twoFactorEnabled ? (
        <TwoFactorSetup
          onEnabled={(codes) => {
            setNotice(t('security.twoFactor.enabled'));
            setRecoveryCodes(codes);
          }}
        />
      ) : (
        <>
          <RegenerateCodesForm
            onCodes={(codes) => {
              setNotice(null);
              setRecoveryCodes(codes);
            }}
          />
          <DisableForm
            onDisabled={() => {
              setRecoveryCodes(null);
              setNotice(t('security.twoFactor.disabled'));
            }}
          />
        </>
      )}
    </section>
  );
}

function TwoFactorSetup({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useSetupTwoFactor();
  const [secret, setSecret] = useState<TwoFactorSetupResponse | null>(null);

  if (!secret) {
    return (
      <div className="subsection">
        {setup.isError ? <Alert tone="error">{describeProblem(setup.error).formError}</Alert> : null}
        <Button
          busy={setup.isPending}
          busyLabel={t('security.twoFactor.preparing')}
          onClick={() => setup.mutate(undefined, { onSuccess: setSecret })}
        >
          {t('security.twoFactor.start')}
        </Button>
      </div>
    );
  }
  return <EnableForm setup={secret} onEnabled={onEnabled} onRestart={() => setSecret(null)} />;
}

function EnableForm({ setup, onEnabled, onRestart }: { setup: TwoFactorSetupResponse; onEnabled: (codes: string[]) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const enable = useEnableTwoFactor();
  const form = useForm({ code: '' });
  const [qr, setQr] = useState<string | null>(null);
  // The set-up button that had focus is gone: continue at the steps.
  const heading = useAutoFocus<HTMLHeadingElement>();

  useEffect(() => {
    let active = true;
    QRCode.toDataURL(setup.otpauthUri, { margin: 2, width: 220, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (active) setQr(url);
      })
      .catch(() => {
        if (active) setQr(null);
      });
    return () => {
      active = false;
    };
  }, [setup.otpauthUri]);

  const submit = onSubmit(async () => {
    const input = form.check(TwoFactorEnableRequest);
    if (!input) return;
    try {
      const result = await enable.mutateAsync(input);
      onEnabled(result.recoveryCodes);
    } catch (error) {
      form.fail(error, { codeToField: { [ProblemCode.secondFactorInvalid]: 'code' } });
    }
  });

  return (
    <div className="subsection two-factor-setup">
      <h3 ref={heading} tabIndex={-1}>
        {t('security.twoFactor.start')}
      </h3>
      <ol className="steps">
        <li>
          <p>{t('security.twoFactor.step1')}</p>
          {qr ? (
            <img className="qr" src={qr} width={220} height={220} alt={t('security.twoFactor.qrAlt')} />
          ) : (
            <Spinner label={t('common.loading')} />
          )}
        </li>
        <li>
          <p>{t('security.twoFactor.step2')}</p>
          <TextField
            label={t('security.twoFactor.secret')}
            name="secret"
            readOnly
            className="field--mono"
            value={setup.secret}
            onValueChange={() => undefined}
            onFocus={(event) => event.currentTarget.select()}
          />
        </li>
        <li>
          <p id="enable-two-factor-title">{t('security.twoFactor.step3')}</p>
          <Form labelledBy="enable-two-factor-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
            <TextField
              label={t('fields.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              hint={t('security.twoFactor.codeHint')}
              value={form.values.code}
              onValueChange={(v) => form.setValue('code', v)}
              error={form.fieldErrors.code}
            />
            <div className="actions">
              <Button type="submit" busy={enable.isPending} busyLabel={t('security.twoFactor.enabling')}>
                {t('security.twoFactor.enable')}
              </Button>
              <Button variant="link" onClick={onRestart}>
                {t('common.cancel')}
              </Button>
            </div>
          </Form>
        </li>
      </ol>
    </div>
  );
}

function RegenerateCodesForm({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const form = useForm({ password: '' });

  const submit = onSubmit(async () => {
    const input = form.check(RegenerateRecoveryCodesRequest);
    if (!input) return;
    try {
      const result = await regenerate.mutateAsync(input);
      form.reset({ password: '' });
      onCodes(result.recoveryCodes);
    } catch (error) {
      form.fail(error, {
        codeToField: { [ProblemCode.invalidCredentials]: 'password' },
        messages: { [ProblemCode.invalidCredentials]: t('validation.wrongPassword') },
      });
    }
  });

  return (
    <div className="subsection">
      <h3 id="regenerate-title">{t('security.recovery.title')}</h3>
      <p>{t('security.recovery.intro')}</p>
      <Form labelledBy="regenerate-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onValueChange={(v) => form.setValue('password', v)}
          error={form.fieldErrors.password}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" busy={regenerate.isPending} busyLabel={t('security.recovery.generating')}>
            {t('security.recovery.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const form = useForm({ password: '', code: '' });

  const submit = onSubmit(async () => {
    const input = form.check(TwoFactorDisableRequest);
    if (!input) return;
    try {
      await disable.mutateAsync(input);
      form.reset({ password: '', code: '' });
      onDisabled();
    } catch (error) {
      form.fail(error, {
        codeToField: { [ProblemCode.invalidCredentials]: 'password', [ProblemCode.secondFactorInvalid]: 'code' },
        messages: { [ProblemCode.invalidCredentials]: t('validation.wrongPassword') },
      });
    }
  });

  return (
    <div className="subsection">
      <h3 id="disable-title">{t('security.twoFactor.disableTitle')}</h3>
      <p>{t('security.twoFactor.disableIntro')}</p>
      <Form labelledBy="disable-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onValueChange={(v) => form.setValue('password', v)}
          error={form.fieldErrors.password}
        />
        <TextField
          label={t('fields.code')}
          name="code"
          autoComplete="one-time-code"
          required
          hint={t('login.codeHint')}
          value={form.values.code}
          onValueChange={(v) => form.setValue('code', v)}
          error={form.fieldErrors.code}
        />
        <div className="actions">
          <Button type="submit" variant="danger" busy={disable.isPending} busyLabel={t('security.twoFactor.disabling')}>
            {t('security.twoFactor.disable')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
