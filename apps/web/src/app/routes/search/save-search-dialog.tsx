import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '@lesplein/contracts/search';
import { useSaveSearch } from '../../../features/search/save-search';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { CheckboxField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { describeProblem } from '../../../lib/form';

/** "Zoekopdracht bewaren": a name and whether to be told about new matches. */
export function SaveSearchButton({ filters, suggestedName }: { filters: SearchFilters; suggestedName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [alert, setAlert] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveSearch();
  const problem = save.error ? describeProblem(save.error, { fields: ['name'] }) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim() || suggestedName, filters, alert },
      {
        onSuccess: (result) => {
          setOpen(false);
          setSaved(result.name);
        },
      },
    );
  };

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          save.reset();
          setName(suggestedName);
          setSaved(null);
          setOpen(true);
        }}
      >
        {t('search.save.open')}
      </Button>
      {saved ? (
        <Alert tone="success">
          {t('search.save.done', { name: saved })} <Link to="/account/searches">{t('search.save.manage')}</Link>
        </Alert>
      ) : null}
      <Dialog open={open} title={t('search.save.title')} onClose={() => setOpen(false)} busy={save.isPending}>
        <Form label={t('search.save.title')} onSubmit={submit} error={problem?.formError ?? null}>
          <TextField label={t('search.save.name')} value={name} onValueChange={setName} maxLength={100} error={problem?.fieldErrors.name} data-autofocus />
          <CheckboxField label={t('search.save.alert')} hint={t('search.save.alertHint')} checked={alert} onCheckedChange={setAlert} />
          <div className="actions dialog__actions">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" busy={save.isPending} busyLabel={t('common.saving')}>
              {t('search.save.submit')}
            </Button>
          </div>
        </Form>
      </Dialog>
    </>
  );
}
