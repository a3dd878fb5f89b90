// Arrow keys move between the toolbar's buttons (WAI-ARIA toolbar pattern): one Tab stop for the
// whole bar, so the keyboard user reaches the call itself quickly.
export function nextToolbarIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
