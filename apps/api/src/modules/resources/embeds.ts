export interface Embed {
  provider: 'youtube' | 'vimeo';
  embedUrl: string;
}

/** YouTube and Vimeo links become privacy-friendlier embeds (youtube-nocookie, Vimeo with dnt=1). */
export function embedFor(link: string | null): Embed | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\.|^m\./, '');
  let youtubeId: string | null = null;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    youtubeId = url.pathname === '/watch' ? url.searchParams.get('v') : (/^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1] ?? null);
  } else if (host === 'youtu.be') {
    youtubeId = url.pathname.slice(1).split('/')[0] ?? null;
  }
  if (youtubeId && /^[A-Za-z0-9_-]{6,20}$/.test(youtubeId)) return { provider: 'youtube', embedUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}` };
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /\/(\d{4,12})(?:$|[/?])/.exec(url.pathname)?.[1];
    if (id) return { provider: 'vimeo', embedUrl: `https://player.vimeo.com/video/${id}?dnt=1` };
  }
  return null;
}
