import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useT } from '../i18n/i18n';

/** A lazily loaded screen whose chunk is gone: the dashboard was redeployed while this tab stayed open. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Failed to load module script|Unable to preload CSS/i.test(
    message,
  );
}

function Fallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const stale = isChunkLoadError(error);
  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={t(stale ? 'page.newVersion.title' : 'page.crash.title')}
      subTitle={t(stale ? 'page.newVersion.text' : 'page.crash.text')}
      extra={
        <>
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('page.reload')}
          </Button>
          {!stale && <Button onClick={onRetry}>{t('page.retry')}</Button>}
        </>
      }
    />
  );
}

/** Keeps the shell (menu, connection, announcements) alive when one screen fails to load or to render. */
export class RouteErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    // Navigating to another screen clears the error.
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
