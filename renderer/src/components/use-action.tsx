/** Runs an API action: shows a progress indicator after ~1 s, and every failure in Chinese with its details. */
import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiCallError } from '../api/client';

let seq = 0;

const CLEARED = 'seized:errors-cleared';

/**
 * A task succeeded: its stale error state goes away (every open toast, and the red scan tag in the header),
 * so old failures never sit next to the success. Call it just before showing the success.
 */
export function clearStaleErrors(msg: MessageInstance): void {
  msg.destroy();
  window.dispatchEvent(new Event(CLEARED));
}

/** For the header's scan tag: called when clearStaleErrors runs. */
export function onErrorsCleared(fn: () => void): () => void {
  window.addEventListener(CLEARED, fn);
  return () => window.removeEventListener(CLEARED, fn);
}

export function errorText(e: unknown): { title: string; details: string[] } {
  if (e instanceof ApiCallError) return { title: e.error.message, details: e.error.details ?? [] };
  if (e instanceof Error) return { title: e.message || '操作失败', details: [] };
  return { title: '操作失败', details: [] };
}

export function showError(msg: MessageInstance, e: unknown): void {
  const { title, details } = errorText(e);
  void msg.error({
    content: (
      <span data-testid="api-error">
        {title}
        {details.length > 0 && (
          <ul style={{ textAlign: 'left', margin: '4px 0 0', paddingLeft: 18, maxWidth: 640 }}>
            {details.slice(0, 8).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {details.length > 8 && <li>……共 {details.length} 条</li>}
          </ul>
        )}
      </span>
    ),
    duration: details.length ? 8 : 5,
  });
}

/**
 * const { run, busy } = useAction();
 * await run(() => call('x', {}), { progress: '正在导出…', success: '已导出' });
 * Resolves with the result, or undefined when it failed (the error is already shown).
 */
export function useAction() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(0);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>, opts: { progress?: string; success?: string; quiet?: boolean } = {}): Promise<T | undefined> => {
      const key = `progress-${++seq}`;
      setBusy((b) => b + 1);
      const timer = setTimeout(() => void message.open({ key, type: 'loading', content: opts.progress ?? '正在处理，请稍候…', duration: 0 }), 900);
      try {
        const r = await fn();
        if (opts.success) {
          clearTimeout(timer);
          clearStaleErrors(message);
          void message.success(opts.success);
        }
        return r;
      } catch (e) {
        if (!opts.quiet) showError(message, e);
        return undefined;
      } finally {
        clearTimeout(timer);
        message.destroy(key);
        setBusy((b) => b - 1);
      }
    },
    [message],
  );
  return { run, busy: busy > 0, message };
}

/** For loads that handle their own spinner: `.catch(toastError)` shows the failure in Chinese with its details. */
export function useErrorToast(): (e: unknown) => void {
  const { message } = AntApp.useApp();
  return useCallback((e: unknown) => showError(message, e), [message]);
}
