/** Electron's security checklist, applied to every window and session. */
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAllowedExternalUrl } from './external-links';

export const APP_ORIGIN = 'app://renderer';

export function isTrustedUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function hardenSessions(): void {
  const ses = session.defaultSession;
  // Only the webcam (photos of seized items) may be asked for.
  ses.setPermissionRequestHandler((wc, permission, cb, details) => cb(permission === 'media' && isTrustedUrl(details.requestingUrl)));
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && origin.startsWith(APP_ORIGIN));
  ses.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the system browser, never in the app, and only those on the allow-list.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only allow-listed https addresses
    return { action: 'deny' };
  });
}
