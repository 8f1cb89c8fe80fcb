import { useTranslation } from 'react-i18next';
import type { Licence } from '@lesplein/contracts/resource';
import { licences } from '../../../lib/licences';

/** The licence's short name as a small badge, with its full name for assistive tech and on hover. */
export function LicenceBadge({ licence }: { licence: Licence }) {
  const { t } = useTranslation();
  const name = t(`licences.${licence}.name`);
  const open = licences[licence].deedPath !== null;
  return (
    <span className={open ? 'licence-badge' : 'licence-badge licence-badge--closed'} title={name}>
      <span aria-hidden="true">{open ? licences[licence].shortName : '©'}</span>
      <span className="visually-hidden">{open ? `${t('resources.view.licence')}: ${licences[licence].shortName}, ${name}` : name}</span>
    </span>
  );
}
