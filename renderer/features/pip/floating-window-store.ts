// The floating call window: a small window of our own origin, opened by the call page itself,
// into which the call page renders (a React portal) the speaker's video and a few controls. The
// page keeps the LiveKit room: nothing is shared with another process, the window only shows
// elements this page owns. On the desktop main asks for it (the main window went out of sight
// during a call) and makes it always on top and invisible to screen captures; in a browser the
// user opens it from the control bar.
import { create } from 'zustand';
import { floatingPagePath, floatingWindowName } from '../../../common/mini-window';

/** The element of floating.html the portal renders into. */
export const floatingRootId = 'floating-root';
const floatingWindowFeatures = 'popup,width=360,height=300';

interface FloatingWindowState {
  /** The window, once its page has loaded; null while there is none. */
  target: Window | null;
  /** The publication the window shows, so the page keeps receiving it whatever its own layout shows. */
  featuredTrackSid: string | null;
  /** The browser refused to open it (pop-ups blocked). */
  blocked: boolean;
  open(): Promise<void>;
  close(): void;
  setFeatured(trackSid: string | null): void;
}

/** floating.html has loaded in `child`: same origin, our page, its root element there. */
function isFloatingPage(child: Window): boolean {
  try {
    return child.location.pathname === floatingPagePath && child.document.readyState === 'complete' && child.document.getElementById(floatingRootId) !== null;
  } catch {
    return false;
  }
}

function whenLoaded(child: Window): Promise<boolean> {
  if (isFloatingPage(child)) return Promise.resolve(true);
  // The first document of a new window is about:blank; the window object stays across the load of
  // our page (same origin), so its `load` is heard here.
  return new Promise((resolve) => child.addEventListener('load', () => resolve(isFloatingPage(child)), { once: true }));
}

export const useFloatingWindowStore = create<FloatingWindowState>((set, get) => {
  let opening: Promise<void> | null = null;

  const forget = (child: Window) => {
    if (get().target === child) set({ target: null, featuredTrackSid: null });
  };

  const openOnce = async () => {
    const current = get().target;
    if (current && !current.closed) return;
    const url = new URL(floatingPagePath, window.location.origin).toString();
    const child = window.open(url, floatingWindowName, floatingWindowFeatures);
    if (!child) {
      set({ blocked: true });
      return;
    }
    set({ blocked: false });
    if (!(await whenLoaded(child)) || child.closed) {
      child.close();
      return;
    }
    // Closed by the user, by main (main window seen again) or navigated away: the portal goes.
    child.addEventListener('pagehide', () => forget(child), { once: true });
    set({ target: child });
  };

  return {
    target: null,
    featuredTrackSid: null,
    blocked: false,
    open() {
      opening ??= openOnce().finally(() => {
        opening = null;
      });
      return opening;
    },
    close() {
      const child = get().target;
      set({ target: null, featuredTrackSid: null });
      if (child && !child.closed) child.close();
    },
    setFeatured(trackSid) {
      if (get().featuredTrackSid !== trackSid) set({ featuredTrackSid: trackSid });
    },
  };
});
