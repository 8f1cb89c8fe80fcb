import { useTranslation } from 'react-i18next';
import { describeUserAgent } from '../../../lib/user-agent';

/** "Firefox on Windows" from a user-agent string, in the interface language. */
export function useDeviceLabel() {
  const { t } = useTranslation();
  return (userAgent: string | null) => {
    const { browser, os } = describeUserAgent(userAgent);
    if (browser && os) return t('security.device.browserOnOs', { browser, os });
    return browser ?? os ?? t('security.device.unknown');
  };
}
