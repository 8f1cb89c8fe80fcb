/**
 * The browser router: react-router's `<Router>` over the browser's history, without react-router's
 * data router (createBrowserRouter), which is about 17 kB gzip of start-up JavaScript for features
 * this app does not use (loaders, actions, fetchers). It keeps what the pages relied on:
 * - navigations render in a React transition, so the current page stays on screen while the next
 *   page's code loads (a lazy route suspends), and `usePendingNavigation()` says when that is;
 * - `navigate(to, { flushSync: true })` commits the new location synchronously;
 * - scroll restoration: the top of the page after a new navigation (unless `preventScrollReset`),
 *   the element named by the hash, or the remembered position on back/forward and reload;
 * - `navigateOutsideReact(to)` for code outside the component tree (the query client's reactions).
 */
import { createContext, use, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Router, UNSAFE_createBrowserHistory as createBrowserHistory, type Location, type Navigator, type NavigationType, type To } from 'react-router';

type BrowserHistory = ReturnType<typeof createBrowserHistory>;

let browserHistory: BrowserHistory | undefined;
function history(): BrowserHistory {
  browserHistory ??= createBrowserHistory({ v5Compat: true });
  return browserHistory;
}

/** Options of the navigation under way, set by the navigator just before it changes the history. */
let pending: { flushSync: boolean; preventScrollReset: boolean } | undefined;

function navigateWith(method: 'push' | 'replace', to: To, state: unknown, options: { flushSync?: boolean; preventScrollReset?: boolean } | undefined): void {
  pending = { flushSync: options?.flushSync === true, preventScrollReset: options?.preventScrollReset === true };
  try {
    history()[method](to, state);
  } finally {
    pending = undefined;
  }
}

const navigator: Navigator = {
  createHref: (to) => history().createHref(to),
  encodeLocation: (to) => history().encodeLocation(to),
  go: (delta) => history().go(delta),
  push: (to, state, options) => navigateWith('push', to, state, options),
  replace: (to, state, options) => navigateWith('replace', to, state, options),
};

/** Navigates from outside React components (e.g. the query client's reactions to a 403). */
export function navigateOutsideReact(to: string): void {
  navigator.push(to);
}

const PendingNavigation = createContext(false);

/** True while a navigation waits for the next page (its code is being fetched). */
export function usePendingNavigation(): boolean {
  return use(PendingNavigation);
}

interface Shown {
  location: Location;
  action: NavigationType;
  preventScrollReset: boolean;
}

const SCROLL_STORAGE_KEY = 'lesplein.scroll-positions';

function readPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_STORAGE_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [isPending, startTransition] = useTransition();
  const [shown, setShown] = useState<Shown>(() => ({ location: history().location, action: history().action, preventScrollReset: false }));
  const positions = useRef<Record<string, number>>(readPositions());
  const shownKey = useRef(shown.location.key);

  useLayoutEffect(() => {
    const remember = () => {
      positions.current[shownKey.current] = window.scrollY;
    };
    const persist = () => {
      remember();
      try {
        sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify(positions.current));
      } catch {
        // Storage full or disabled: positions last for this page only.
      }
    };
    window.history.scrollRestoration = 'manual';
    window.addEventListener('pagehide', persist);
    const stopListening = history().listen(({ action, location }) => {
      // Still the page being left: keep its position for back/forward.
      remember();
      const next: Shown = { location, action, preventScrollReset: pending?.preventScrollReset ?? false };
      if (pending?.flushSync) flushSync(() => setShown(next));
      else startTransition(() => setShown(next));
    });
    return () => {
      stopListening();
      window.removeEventListener('pagehide', persist);
      window.history.scrollRestoration = 'auto';
    };
  }, []);

  // After the new page is on screen (this runs after its children's layout effects).
  useLayoutEffect(() => {
    const { location, action, preventScrollReset } = shown;
    shownKey.current = location.key;
    const saved = positions.current[location.key];
    if (action === 'POP' && saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    if (!preventScrollReset && action !== 'POP') window.scrollTo(0, 0);
  }, [shown]);

  return (
    <PendingNavigation value={isPending}>
      <Router location={shown.location} navigationType={shown.action} navigator={navigator}>
        {children}
      </Router>
    </PendingNavigation>
  );
}
