/** Route-level code splitting: a page's code is fetched the first time its route is shown. */
import { lazy, Suspense, type ComponentType } from 'react';
import { Alert, Button, Spin } from 'antd';

function PageSpin() {
  return (
    <Spin size="large" tip="正在加载…">
      <div style={{ minHeight: 240 }} data-testid="page-loading" />
    </Spin>
  );
}

/** Shown when a page's file cannot be fetched (server restarted with a new build, network gone). */
function PageLoadFailed() {
  return (
    <Alert
      type="warning"
      showIcon
      title="页面加载失败"
      description="系统可能已更新或网络中断，请重新加载页面。"
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    />
  );
}

export type LazyPage<P> = ComponentType<P> & { preload(): void };

/**
 * Wraps a dynamic import of one page component. The page shows a spinner in the content area while its chunk loads;
 * the menu and header stay in place.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const once = () => (loading ??= load());
  const Lazy = lazy(() =>
    once().then(
      (component) => ({ default: component }),
      () => ({ default: PageLoadFailed as ComponentType<P> }),
    ),
  ) as unknown as ComponentType<P>;
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<PageSpin />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyPage, { preload: () => void once().catch(() => undefined) });
}

/** Fetches pages in the background once the browser is idle (e.g. the home page while the user types a password). */
export function preloadWhenIdle(pages: readonly { preload(): void }[]): void {
  if (typeof window === 'undefined') return;
  const start = () => pages.forEach((p) => p.preload());
  // Not before the first screen has rendered: evaluating the prefetched modules would compete with it.
  const idle = () => window.setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(start, { timeout: 2000 }) : start()), 800);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
