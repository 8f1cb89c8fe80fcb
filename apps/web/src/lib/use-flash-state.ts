import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A one-time message passed in the navigation state (e.g. `{ removed: title }`): read once, then
 * dropped from the history entry, so that reloading the page or coming back to it later does not
 * announce it again.
 */
export function useFlashState<T>(key: string): T | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [value] = useState(() => (location.state as Record<string, unknown> | null)?.[key] as T | undefined);
  const cleared = useRef(false);
  useEffect(() => {
    if (cleared.current || value === undefined) return;
    cleared.current = true;
    void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null, preventScrollReset: true });
  }, [value, navigate, location.pathname, location.search, location.hash]);
  return value;
}
