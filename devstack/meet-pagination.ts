// DRF's PageNumberPagination as Meet configures it: `page` and `page_size` (at most 100) in the
// query, `next`/`previous` as absolute URLs, and 404 "Invalid page." past the last page.
import { detailError } from './meet-errors';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  items: T[];
}

export function paginate<T>(url: URL, origin: string, items: readonly T[]): Page<T> {
  const requestedSize = Number.parseInt(url.searchParams.get('page_size') ?? '', 10);
  const pageSize = requestedSize > 0 ? Math.min(MAX_PAGE_SIZE, requestedSize) : DEFAULT_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const requestedPage = url.searchParams.get('page') ?? '1';
  const page = /^\d+$/.test(requestedPage) ? Number(requestedPage) : requestedPage === 'last' ? pageCount : Number.NaN;
  if (!(page >= 1 && page <= pageCount)) throw detailError(404, 'Invalid page.');
  const pageUrl = (target: number) => {
    const next = new URL(`${origin}${url.pathname}${url.search}`);
    if (target === 1) next.searchParams.delete('page');
    else next.searchParams.set('page', String(target));
    return next.toString();
  };
  return {
    count: items.length,
    next: page < pageCount ? pageUrl(page + 1) : null,
    previous: page > 1 ? pageUrl(page - 1) : null,
    items: items.slice((page - 1) * pageSize, page * pageSize),
  };
}
