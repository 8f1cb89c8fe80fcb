import './moderation/moderation.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddBanEntryRequest, type BanEntryView } from '@lesplein/contracts/ban-list';
import { useAddBanEntry } from '../../features/moderation/add-ban-entry';
import { useBanList } from '../../features/moderation/list-ban-list';
import { useReadBanAddress } from '../../features/moderation/read-ban-address';
import { useRemoveBanEntry } from '../../features/moderation/remove-ban-entry';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { CheckboxField, TextAreaField, TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { ModerationTabs } from './moderation/moderation-tabs';

type Message = { tone: 'success' | 'error'; text: string } | null;
const READ_NOTE_ID = 'ban-list-read-note';

/**
 * /moderation/ban-list — admins, and moderators with the ban-list right: the addresses that may
 * not hold an account. Add one (with a reason, and the address itself kept only when chosen),
 * show a kept address (each read is logged), remove an entry. Without the right the API answers
 * 403 and the page says so: the client cannot know the right beforehand (GET /api/auth/me does
 * not carry it).
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(`${t('moderation.banList.title')} · ${t('moderation.title')}`);
  const list = useBanList();
  const read = useReadBanAddress();
  const remove = useRemoveBanEntry();
  const [message, setMessage] = useState<Message>(null);
  const [addresses, setAddresses] = useState<Record<string, string>>({});
  const [toRemove, setToRemove] = useState<BanEntryView | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const noRight = list.isError && hasProblemCode(list.error, ProblemCode.forbidden);

  const reveal = (entry: BanEntryView) => {
    setMessage(null);
    read.mutate(entry.id, {
      onSuccess: (result) => setAddresses((current) => ({ ...current, [entry.id]: result.address })),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error, { messages: { [ProblemCode.notFound]: t('moderation.banList.noAddress') } }).formError ?? t('problem.unknown') }),
    });
  };

  const onRemove = () => {
    if (!toRemove) return;
    setRemoveError(null);
    remove.mutate(toRemove.id, {
      onSuccess: () => {
        setToRemove(null);
        setMessage({ tone: 'success', text: t('moderation.banList.removed') });
      },
      onError: (error) => setRemoveError(describeProblem(error).formError),
    });
  };

  return (
    <div className="page">
      <h1>{t('moderation.banList.title')}</h1>
      <ModerationTabs />
      <p className="lead">{t('moderation.banList.intro')}</p>
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {noRight ? (
        <Alert tone="info" title={t('moderation.banList.noRightTitle')}>
          {t('moderation.banList.noRightBody')}
        </Alert>
      ) : list.isError ? (
        <Alert tone="error">{describeProblem(list.error).formError}</Alert>
      ) : null}
      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}

      {list.isSuccess ? (
        <>
          <AddBanEntry onAdded={(count) => setMessage({ tone: 'success', text: t('moderation.banList.added', { count }) })} />

          <section className="section" aria-labelledby="ban-list-entries">
            <h2 id="ban-list-entries">{t('moderation.banList.entriesTitle')}</h2>
            {items.length === 0 ? <p>{t('moderation.banList.empty')}</p> : null}
            {items.length > 0 ? (
              <>
                <p id={READ_NOTE_ID} className="form__note">
                  {t('moderation.banList.readNote')}
                </p>
                <div className="table-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t('moderation.banList.entriesTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('moderation.banList.columns.reason')}</th>
                        <th scope="col">{t('moderation.banList.columns.addedBy')}</th>
                        <th scope="col">{t('moderation.banList.columns.createdAt')}</th>
                        <th scope="col">{t('moderation.banList.columns.address')}</th>
                        <th scope="col">{t('moderation.banList.columns.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((entry) => {
                        const when = formatDateTime(entry.createdAt, language);
                        const address = addresses[entry.id];
                        return (
                          <tr key={entry.id}>
                            <td className="moderation-text">{entry.reason}</td>
                            <td>{entry.addedBy ?? t('moderation.formerMember')}</td>
                            <td>{when}</td>
                            <td>
                              {address ? (
                                <span className="moderation-address">{address}</span>
                              ) : entry.hasAddress ? (
                                <Button variant="secondary" onClick={() => reveal(entry)} busy={read.isPending && read.variables === entry.id} busyLabel={t('common.loading')} aria-describedby={READ_NOTE_ID}>
                                  {t('moderation.banList.reveal')}
                                  <span className="visually-hidden"> {t('moderation.banList.entryOf', { time: when })}</span>
                                </Button>
                              ) : (
                                <span className="muted">{t('moderation.banList.notKept')}</span>
                              )}
                            </td>
                            <td>
                              <Button
                                variant="danger"
                                onClick={() => {
                                  setMessage(null);
                                  setRemoveError(null);
                                  setToRemove(entry);
                                }}
                              >
                                {t('common.remove')}
                                <span className="visually-hidden"> {t('moderation.banList.entryOf', { time: when })}</span>
                              </Button>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
            {list.hasNextPage ? (
              <p className="actions">
                <Button variant="secondary" onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
                  {t('common.loadMore')}
                </Button>
              </p>
            ) : null}
          </section>
        </>
      ) : null}

      <ConfirmDialog
        open={toRemove !== null}
        title={t('moderation.banList.removeTitle')}
        confirmLabel={t('moderation.banList.removeConfirm')}
        busyLabel={t('common.removing')}
        busy={remove.isPending}
        error={removeError}
        onConfirm={onRemove}
        onCancel={() => setToRemove(null)}
      >
        <p>{t('moderation.banList.removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function AddBanEntry({ onAdded }: { onAdded: (accountsLocked: number) => void }) {
  const { t } = useTranslation();
  const add = useAddBanEntry();
  const form = useForm({ email: '', reason: '', keepAddress: false });
  const [confirming, setConfirming] = useState<AddBanEntryRequest | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const messages = { [ProblemCode.conflict]: t('moderation.banList.conflict') };

  const submit = onSubmit(() => {
    const checked = form.check(AddBanEntryRequest, form.values);
    if (checked) {
      setConfirmError(null);
      setConfirming(checked);
    }
  });

  const confirm = () => {
    if (!confirming) return;
    add.mutate(confirming, {
      onSuccess: (result) => {
        setConfirming(null);
        form.reset();
        onAdded(result.accountsLocked);
      },
      onError: (error) => {
        const described = describeProblem(error, { fields: ['email', 'reason', 'keepAddress'], messages });
        if (Object.keys(described.fieldErrors).length > 0) {
          setConfirming(null);
          form.fail(error, { messages });
        } else {
          setConfirmError(described.formError);
        }
      },
    });
  };

  return (
    <section className="section" aria-labelledby="ban-list-add">
      <h2 id="ban-list-add">{t('moderation.banList.addTitle')}</h2>
      <Form labelledBy="ban-list-add" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField label={t('moderation.banList.email')} type="email" autoComplete="off" spellCheck={false} value={form.values.email} onValueChange={(v) => form.setValue('email', v)} error={form.fieldErrors.email} maxLength={254} required />
        <TextAreaField label={t('moderation.banList.reason')} hint={t('moderation.banList.reasonHint')} rows={3} maxLength={1000} value={form.values.reason} onValueChange={(v) => form.setValue('reason', v)} error={form.fieldErrors.reason} required />
        <CheckboxField label={t('moderation.banList.keepAddress')} hint={t('moderation.banList.keepAddressHint')} checked={form.values.keepAddress} onCheckedChange={(v) => form.setValue('keepAddress', v)} error={form.fieldErrors.keepAddress} />
        <div className="actions">
          <Button type="submit" variant="danger">
            {t('moderation.banList.add')}
          </Button>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming !== null}
        title={t('moderation.banList.addConfirmTitle')}
        confirmLabel={t('moderation.banList.add')}
        busyLabel={t('common.saving')}
        busy={add.isPending}
        error={confirmError}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('moderation.banList.addConfirmBody', { email: confirming?.email ?? '' })}</p>
        <p>{confirming?.keepAddress ? t('moderation.banList.addConfirmKept') : t('moderation.banList.addConfirmNotKept')}</p>
      </ConfirmDialog>
    </section>
  );
}
