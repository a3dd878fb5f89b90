import { Component, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

class ErrorBoundaryBase extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('renderer crashed', error, info.componentStack);
  }

  override render() {
    const { t } = this.props;
    if (!this.state.failed) return this.props.children;
    return (
      <main className="screen screen--centered" id="content">
        <div className="card" role="alert">
          <h1>{t('app.crashTitle')}</h1>
          <p>{t('app.crashBody')}</p>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        </div>
      </main>
    );
  }
}

export const ErrorBoundary = withTranslation()(ErrorBoundaryBase);
