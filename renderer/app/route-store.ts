import { create } from 'zustand';
import { hrefForRoute, routeFromLocation, type Route } from './route';

interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

export const useRouteStore = create<RouteState>((set) => ({
  route: routeFromLocation(window.location),
  navigate(route) {
    const href = hrefForRoute(route, window.location);
    window.history.pushState(null, '', href);
    set({ route });
  },
}));

/** Follows the browser's back and forward buttons. */
export function listenToHistory(): () => void {
  const update = () => useRouteStore.setState({ route: routeFromLocation(window.location) });
  window.addEventListener('popstate', update);
  window.addEventListener('hashchange', update);
  return () => {
    window.removeEventListener('popstate', update);
    window.removeEventListener('hashchange', update);
  };
}
