import { useTranslation } from 'react-i18next';
import type { PartnerStatus } from '@lesplein/contracts/partner';

/** "Actief" / "Geschorst" as a coloured pill (the text says it; colour only repeats it). */
export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = useTranslation();
  return <span className={`status-pill ${status === 'active' ? 'status-pill--on' : 'status-pill--off'}`}>{t(`adminPartners.status.${status}`)}</span>;
}
