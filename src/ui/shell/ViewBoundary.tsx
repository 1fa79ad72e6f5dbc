import { Component, type ErrorInfo, type ReactNode } from 'react';
import './ViewBoundary.css';

interface State {
  readonly error: Error | null;
  readonly stack: string;
}

/**
 * Keeps one view's failure to itself: the view shows what went wrong and a report the learner can
 * copy into a bug report; every other view keeps working. "Try again" re-renders the view.
 */
export class ViewBoundary extends Component<{ readonly view: string; readonly children: ReactNode }, State> {
  override state: State = { error: null, stack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ stack: info.componentStack ?? '' });
    // The report stays in the page; nothing is sent anywhere.
    console.warn(`Streamscope: the ${this.props.view} view failed:`, error);
  }

  override render(): ReactNode {
    const { error, stack } = this.state;
    if (!error) return this.props.children;
    const report = [
      `View: ${this.props.view}`,
      `Error: ${error.message}`,
      `Page: ${typeof location === 'undefined' ? '' : location.href}`,
      `Stack: ${(error.stack ?? '').split('\n').slice(0, 6).join(' | ')}`,
      `Components: ${stack.trim().split('\n').slice(0, 6).join(' | ')}`,
    ].join('\n');
    return (
      <div className="view-error" role="alert">
        <p>
          <strong>The {this.props.view} view stopped working.</strong> The rest of Streamscope is fine; you
          can go on. If you report it, include this text:
        </p>
        <textarea
          className="view-error__report"
          readOnly
          value={report}
          aria-label={`Error report for the ${this.props.view} view`}
          rows={5}
        />
        <button type="button" className="button" onClick={() => this.setState({ error: null, stack: '' })}>
          Try again
        </button>
      </div>
    );
  }
}
