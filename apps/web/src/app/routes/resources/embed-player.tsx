import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '@lesplein/contracts/resource';

type Embed = NonNullable<ResourceDetail['embed']>;

const providerNames: Record<Embed['provider'], string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

/**
 * A YouTube or Vimeo video, loaded only after the visitor asks for it: until then the provider
 * learns nothing about them. The plain link to the video always works, also where the player
 * cannot load (blocked by an extension, a school filter or the page's CSP).
 */
export function EmbedPlayer({ embed, link, title }: { embed: Embed; link: string | null; title: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  const provider = providerNames[embed.provider];
  return (
    <div className="embed">
      {loaded ? (
        <iframe
          className="embed__frame"
          src={embed.embedUrl}
          title={t('resources.view.videoTitle', { title, provider })}
          allow="fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation"
          loading="lazy"
        />
      ) : (
        <div className="embed__placeholder">
          <p>{t('resources.view.embedNotice', { provider })}</p>
          <button type="button" className="button button--primary" onClick={() => setLoaded(true)}>
            {t('resources.view.embedLoad', { provider })}
          </button>
        </div>
      )}
      {link ? (
        <p className="embed__link">
          <a href={link} rel="noopener noreferrer nofollow ugc">
            {t('resources.view.embedOpen', { provider })}
          </a>
        </p>
      ) : null}
    </div>
  );
}
