/**
 * A paired screen's device token (kiosk, feedback tablet): given once as `?device=<token>`, then
 * kept by the page under its own key, so the address bar (and any photo of the screen) no longer
 * shows it.
 */
export function deviceToken(key: string) {
  return {
    fromPage(): string | null {
      const url = new URL(location.href);
      const given = url.searchParams.get('device');
      if (given) {
        localStorage.setItem(key, given);
        url.searchParams.delete('device');
        history.replaceState(null, '', url.pathname + (url.search === '?' ? '' : url.search) + url.hash);
        return given;
      }
      return localStorage.getItem(key);
    },
    remember: (token: string): void => localStorage.setItem(key, token),
    forget: (): void => localStorage.removeItem(key),
  };
}
