// The tray icons, drawn in memory (a disc per state), so no image file has to be found at run
// time in every packaging format. BGRA, the byte order `nativeImage.createFromBitmap` reads.
import type { TrayIcon } from './tray-menu';

const colors: Record<TrayIcon, [number, number, number]> = {
  idle: [0x00, 0x00, 0x91],
  'in-call': [0x18, 0x75, 0x3c],
  muted: [0xce, 0x05, 0x00],
};

export function trayIconBitmap(icon: TrayIcon, size: number): Buffer {
  const [red, green, blue] = colors[icon];
  const pixels = Buffer.alloc(size * size * 4);
  const center = (size - 1) / 2;
  const radius = size / 2 - 0.5;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - center, y - center);
      // One pixel of soft edge keeps the disc round at 16 px.
      const coverage = Math.max(0, Math.min(1, radius - distance + 0.5));
      // The muted icon carries a white bar across, readable without colour.
      const onBar = icon === 'muted' && Math.abs(y - center) <= size / 10 && distance < radius - size / 8;
      const offset = (y * size + x) * 4;
      pixels[offset] = onBar ? 0xff : blue;
      pixels[offset + 1] = onBar ? 0xff : green;
      pixels[offset + 2] = onBar ? 0xff : red;
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
