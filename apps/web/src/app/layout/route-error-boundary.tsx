import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RouteError } from './route-error';

interface Props {
  children: ReactNode;
  /** Outside the page shell: the message brings its own <main>. */
  standalone?: boolean;
  /** The page shown; a new one clears the error (the reader navigated away from it). */
  pathname: string;
}

interface State {
  failed: boolean;
  pathname: string;
}

/** Catches a page that fails to load (its code could not be fetched) or to render, and says so. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, pathname: this.props.pathname };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.pathname !== state.pathname ? { failed: false, pathname: props.pathname } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <RouteError standalone={this.props.standalone} /> : this.props.children;
  }
}
