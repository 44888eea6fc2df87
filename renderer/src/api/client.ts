/** The one typed client. Transport: the preload bridge in the desktop app, else HTTP to the same origin. */
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { ApiError, ApiResult } from '@shared/api/errors';

type Bridge = { invoke(method: string, input: unknown): Promise<ApiResult<unknown>> };
declare global {
  interface Window {
    seized?: Bridge;
  }
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.details?.length ? `${error.message}：${error.details.join('；')}` : error.message);
  }
}

type Listener = (error: ApiError, method: string) => void;
const listeners = new Set<Listener>();
/** Called on every failed call (the shell shows the message; UNAUTHENTICATED sends you to login). */
export function onApiError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

async function httpInvoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接服务器，请检查网络或服务是否运行' } };
  }
}

export const isDesktop = () => typeof window !== 'undefined' && !!window.seized;

/** Calls a method; resolves with its data or rejects with ApiCallError (message in Chinese). */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = window.seized ? await window.seized.invoke(method, input) : await httpInvoke(method, input);
  if (!result.ok) {
    for (const l of listeners) l(result.error, method);
    throw new ApiCallError(result.error);
  }
  return result.data as MethodOutput<M>;
}

/** Same as call, but failures are not broadcast (for callers that show the error inline). */
export async function callQuiet<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = window.seized ? await window.seized.invoke(method, input) : await httpInvoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as MethodOutput<M>;
}
