// Opening and closing the floating call window, against a stand-in for the browser's window.open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFloatingWindowStore } from './floating-window-store';

/** A window the page opened: about:blank first, then our page once `load` fires. */
class FakeChildWindow extends EventTarget {
  closed = false;
  location = { pathname: '' };
  document = { readyState: 'loading', getElementById: (id: string) => (id === 'floating-root' && this.location.pathname === '/floating.html' ? {} : null) };

  load(pathname = '/floating.html'): void {
    this.location.pathname = pathname;
    this.document.readyState = 'complete';
    this.dispatchEvent(new Event('load'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.dispatchEvent(new Event('pagehide'));
  }
}

let opened: Array<{ url: string; name: string; child: FakeChildWindow | null }>;
let refuse: boolean;

beforeEach(() => {
  opened = [];
  refuse = false;
  vi.stubGlobal('window', {
    location: { origin: 'app://visio' },
    open: (url: string, name: string) => {
      const child = refuse ? null : new FakeChildWindow();
      opened.push({ url, name, child });
      return child;
    },
  });
  useFloatingWindowStore.setState({ target: null, featuredTrackSid: null, blocked: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const lastChild = () => {
  const child = opened.at(-1)?.child;
  if (!child) throw new Error('no window was opened');
  return child;
};

describe('the floating window store', () => {
  it('opens floating.html under its name, and holds the window once its page has loaded', async () => {
    const opening = useFloatingWindowStore.getState().open();
    expect(opened.map(({ url, name }) => ({ url, name }))).toEqual([{ url: 'app://visio/floating.html', name: 'visio-floating' }]);
    expect(useFloatingWindowStore.getState().target).toBeNull();
    lastChild().load();
    await opening;
    expect(useFloatingWindowStore.getState().target).toBe(lastChild());
  });

  it('opens one window however often it is asked', async () => {
    const first = useFloatingWindowStore.getState().open();
    const second = useFloatingWindowStore.getState().open();
    lastChild().load();
    await Promise.all([first, second]);
    await useFloatingWindowStore.getState().open();
    expect(opened).toHaveLength(1);
  });

  it('says when the browser refused the pop-up', async () => {
    refuse = true;
    await useFloatingWindowStore.getState().open();
    expect(useFloatingWindowStore.getState()).toMatchObject({ target: null, blocked: true });
  });

  it('lets go of a window the user (or main) closed, and of what it showed', async () => {
    const opening = useFloatingWindowStore.getState().open();
    lastChild().load();
    await opening;
    useFloatingWindowStore.getState().setFeatured('TR_video');
    lastChild().close();
    expect(useFloatingWindowStore.getState()).toMatchObject({ target: null, featuredTrackSid: null });
  });

  it('closes its window when the call page closes it', async () => {
    const opening = useFloatingWindowStore.getState().open();
    lastChild().load();
    await opening;
    useFloatingWindowStore.getState().close();
    expect(lastChild().closed).toBe(true);
    expect(useFloatingWindowStore.getState().target).toBeNull();
  });

  it('never holds a window that loaded another page', async () => {
    const opening = useFloatingWindowStore.getState().open();
    lastChild().load('/index.html');
    await opening;
    expect(lastChild().closed).toBe(true);
    expect(useFloatingWindowStore.getState().target).toBeNull();
  });
});
