// A tiny router: the home page, or one meeting by its slug. Served over HTTP the meeting is the
// path (`/abc-defg-hij`, so instance links open directly); from a file or app:// page it is the
// hash (`#/abc-defg-hij`), which needs nothing from the scheme handler.
import { SLUG_PATTERN } from '../../common/meet-types';

export type Route = { name: 'home' } | { name: 'meeting'; slug: string };

export interface PageLocation {
  protocol: string;
  pathname: string;
  hash: string;
}

export function usesPathRouting(location: Pick<PageLocation, 'protocol' | 'pathname'>): boolean {
  return (location.protocol === 'http:' || location.protocol === 'https:') && !location.pathname.endsWith('.html');
}

export function routeFromLocation(location: PageLocation): Route {
  const source = usesPathRouting(location) ? location.pathname : location.hash.replace(/^#/, '');
  const slug = source.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';
  return SLUG_PATTERN.test(slug) ? { name: 'meeting', slug } : { name: 'home' };
}

/** The URL (relative to the page) that shows a route. */
export function hrefForRoute(route: Route, location: PageLocation): string {
  const target = route.name === 'home' ? '/' : `/${route.slug}`;
  if (usesPathRouting(location)) return target;
  return `${location.pathname}#${target}`;
}
