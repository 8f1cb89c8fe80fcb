import './administration/administration.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AdminMemberView } from '@lesplein/contracts/admin-members';
import type { Role } from '@lesplein/contracts/auth';
import { useChangeMemberRole } from '../../features/administration/change-member-role';
import { useAdminMembers, type AdminMemberFilter } from '../../features/administration/list-admin-members';
import { useSetBanListRight } from '../../features/administration/set-ban-list-right';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog, Dialog } from '../../components/ui/dialog';
import { SelectField, TextField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { onSubmit } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, refusalMessage, ScrollTable } from './administration/admin-parts';

const ROLES: readonly Role[] = ['member', 'moderator', 'admin'];
type Message = { tone: 'success' | 'error'; text: string } | null;

/**
 * /admin/members — "Leden en rollen": find members by the start of their handle or e-mail
 * address and role; change a role (a dialog that says what follows: the member's sessions end,
 * a new moderator or admin sets up two-step verification first) and give or take a moderator's
 * ban-list right (after confirming). Refusals (one's own role, the last admin) show the API's words.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.members.title'));
  const [draft, setDraft] = useState<AdminMemberFilter>({ query: '', role: '' });
  const [filter, setFilter] = useState<AdminMemberFilter>({ query: '', role: '' });
  const [message, setMessage] = useState<Message>(null);
  const [roleFor, setRoleFor] = useState<AdminMemberView | null>(null);
  const [rightFor, setRightFor] = useState<AdminMemberView | null>(null);
  const members = useAdminMembers(filter);
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const captionId = `members-caption${useId().replace(/:/g, '')}`;

  const roleOptions = [{ value: '', label: t('administration.members.allRoles') }, ...ROLES.map((role) => ({ value: role, label: t(`administration.roles.${role}`) }))];

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('administration.members.title')}</h1>
      <p className="lead">{t('administration.members.intro')}</p>

      <form
        className="form admin-filters"
        role="search"
        aria-label={t('administration.members.searchLabel')}
        noValidate
        onSubmit={onSubmit(() => {
          setMessage(null);
          setFilter({ query: draft.query.trim(), role: draft.role });
        })}
      >
        <div className="field-row">
          <TextField
            label={t('administration.members.query')}
            hint={t('administration.members.queryHint')}
            type="search"
            maxLength={100}
            value={draft.query}
            onValueChange={(query) => setDraft((current) => ({ ...current, query }))}
          />
          <SelectField label={t('administration.members.role')} value={draft.role} options={roleOptions} onValueChange={(role) => setDraft((current) => ({ ...current, role: role as Role | '' }))} />
        </div>
        <div className="actions">
          <Button type="submit" busy={members.isFetching && !members.isFetchingNextPage} busyLabel={t('administration.searching')}>
            {t('administration.members.search')}
          </Button>
        </div>
      </form>

      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}
      {members.isPending ? <Spinner label={t('common.loading')} /> : null}
      {members.isError ? <Alert tone="error">{describeProblem(members.error).formError}</Alert> : null}
      {members.isSuccess && items.length === 0 ? <p>{t('administration.members.empty')}</p> : null}
      {items.length > 0 ? (
        <ScrollTable labelledBy={captionId}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">
              {t('administration.members.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('administration.members.columns.member')}</th>
                <th scope="col">{t('administration.members.columns.role')}</th>
                <th scope="col">{t('administration.members.columns.twoFactor')}</th>
                <th scope="col">{t('administration.members.columns.banListRight')}</th>
                <th scope="col">{t('administration.members.columns.status')}</th>
                <th scope="col">{t('administration.members.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={member.handle}>
                  <th scope="row">
                    <Link to={`/members/${encodeURIComponent(member.handle)}`}>{member.displayName}</Link>
                    <span className="admin-muted"> @{member.handle}</span>
                  </th>
                  <td>{t(`administration.roles.${member.role}`)}</td>
                  <td>{member.twoFactorEnabled ? t('administration.members.twoFactorOn') : t('administration.members.twoFactorOff')}</td>
                  <td>
                    {member.role === 'admin'
                      ? t('administration.members.banListAlways')
                      : member.role === 'moderator'
                        ? member.banListRight
                          ? t('administration.members.banListYes')
                          : t('administration.members.banListNo')
                        : t('administration.members.banListNotApplicable')}
                  </td>
                  <td>{t(`administration.members.status.${member.status}`)}</td>
                  <td>
                    <div className="admin-row-actions">
                      <Button
                        variant="secondary"
                        onClick={() => {
                          setMessage(null);
                          setRoleFor(member);
                        }}
                      >
                        {t('administration.members.changeRole')}
                        <span className="visually-hidden"> {t('administration.members.ofMember', { name: member.displayName })}</span>
                      </Button>
                      {member.role === 'moderator' ? (
                        <Button
                          variant="secondary"
                          onClick={() => {
                            setMessage(null);
                            setRightFor(member);
                          }}
                        >
                          {member.banListRight ? t('administration.members.revokeBanList') : t('administration.members.grantBanList')}
                          <span className="visually-hidden"> {t('administration.members.toMember', { name: member.displayName })}</span>
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {members.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void members.fetchNextPage()} busy={members.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}

      <ChangeRoleDialog
        member={roleFor}
        onClose={() => setRoleFor(null)}
        onDone={(text) => {
          setRoleFor(null);
          setMessage({ tone: 'success', text });
        }}
      />
      <BanListRightDialog
        member={rightFor}
        onClose={() => setRightFor(null)}
        onDone={(text) => {
          setRightFor(null);
          setMessage({ tone: 'success', text });
        }}
      />
    </div>
  );
}

/** Choose the new role and confirm it, knowing what follows. */
function ChangeRoleDialog({ member, onClose, onDone }: { member: AdminMemberView | null; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const ids = `role${useId().replace(/:/g, '')}`;
  const change = useChangeMemberRole();
  const [role, setRole] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = role ?? member?.role ?? 'member';
  const name = member?.displayName ?? '';

  const close = () => {
    setRole(null);
    setError(null);
    change.reset();
    onClose();
  };

  const confirm = () => {
    if (!member) return;
    if (chosen === member.role) {
      setError(t('administration.members.sameRole', { name, role: t(`administration.rolesInText.${chosen}`) }));
      return;
    }
    setError(null);
    change.mutate(
      { handle: member.handle, role: chosen },
      {
        onSuccess: (changed) => {
          setRole(null);
          onDone(t('administration.members.roleChanged', { name: changed.displayName, role: t(`administration.rolesInText.${changed.role}`) }));
        },
        onError: (failure) => setError(refusalMessage(failure)),
      },
    );
  };

  return (
    <Dialog open={member !== null} title={t('administration.members.roleDialogTitle', { name })} onClose={close} alert busy={change.isPending}>
      {member ? (
        <div className="dialog__body">
          <fieldset className="choice-list" aria-describedby={`${ids}-consequences`}>
            <legend>{t('administration.members.newRole', { name })}</legend>
            {ROLES.map((option) => (
              <div className="choice" key={option}>
                <input
                  id={`${ids}-${option}`}
                  type="radio"
                  name={`${ids}-role`}
                  value={option}
                  checked={chosen === option}
                  data-autofocus={option === member.role || undefined}
                  onChange={() => {
                    setRole(option);
                    setError(null);
                  }}
                />
                <label htmlFor={`${ids}-${option}`}>
                  {t(`administration.roles.${option}`)}
                  {option === member.role ? ` ${t('administration.members.currentRole')}` : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <div id={`${ids}-consequences`} className="admin-consequences">
            {chosen === member.role ? (
              <p>{t('administration.members.chooseOther')}</p>
            ) : (
              <>
                <p>{t('administration.members.consequenceSessions', { name })}</p>
                {chosen !== 'member' ? <p>{t('administration.members.consequenceTwoFactor', { name, role: t(`administration.rolesInText.${chosen}`) })}</p> : null}
                {member.role === 'moderator' && member.banListRight && chosen === 'member' ? <p>{t('administration.members.consequenceBanList', { name })}</p> : null}
              </>
            )}
          </div>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="actions dialog__actions">
        <Button variant="secondary" onClick={close} disabled={change.isPending}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={confirm} busy={change.isPending} busyLabel={t('common.saving')}>
          {t('administration.members.confirmRole', { role: t(`administration.rolesInText.${chosen}`) })}
        </Button>
      </div>
    </Dialog>
  );
}

function BanListRightDialog({ member, onClose, onDone }: { member: AdminMemberView | null; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const set = useSetBanListRight();
  const [error, setError] = useState<string | null>(null);
  const name = member?.displayName ?? '';
  const granting = !member?.banListRight;

  const close = () => {
    setError(null);
    set.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={member !== null}
      title={granting ? t('administration.members.grantTitle', { name }) : t('administration.members.revokeTitle', { name })}
      confirmLabel={granting ? t('administration.members.grantBanList') : t('administration.members.revokeBanList')}
      busyLabel={t('common.saving')}
      busy={set.isPending}
      error={error}
      onCancel={close}
      onConfirm={() => {
        if (!member) return;
        setError(null);
        set.mutate(
          { handle: member.handle, granted: granting },
          {
            onSuccess: (changed) => onDone(changed.banListRight ? t('administration.members.granted', { name }) : t('administration.members.revoked', { name })),
            onError: (failure) => setError(refusalMessage(failure)),
          },
        );
      }}
    >
      <p>{granting ? t('administration.members.grantBody', { name }) : t('administration.members.revokeBody', { name })}</p>
    </ConfirmDialog>
  );
}
