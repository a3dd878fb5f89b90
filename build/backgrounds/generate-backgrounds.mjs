// Draws the bundled virtual backgrounds (simple landscapes of flat colours and gradients) and
// writes them as PNG files into renderer/features/effects/backgrounds/. They are the project's
// own drawings, so they carry no third-party licence. Run again after changing a drawing:
//   node build/backgrounds/generate-backgrounds.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const WIDTH = 640;
const HEIGHT = 360;
const OUTPUT = new URL('../../renderer/features/effects/backgrounds/', import.meta.url);

const mix = (from, to, amount) => from.map((channel, index) => Math.round(channel + (to[index] - channel) * Math.min(1, Math.max(0, amount))));

/** A vertical gradient between two colours, from `top` to `bottom` (fractions of the height). */
const sky = (y, high, low, top = 0, bottom = 1) => mix(high, low, (y / HEIGHT - top) / (bottom - top));

/** The height (fraction of the image) of a ridge at column x: a sum of two waves. */
const ridge = (x, base, amplitude, period, phase) =>
  base + amplitude * (Math.sin((2 * Math.PI * x) / (WIDTH * period) + phase) * 0.7 + Math.sin((2 * Math.PI * x) / (WIDTH * period * 0.37) + phase * 2) * 0.3);

/** Each background: a painter giving the [r, g, b] of a pixel. */
const backgrounds = {
  // Rolling green hills under a pale blue sky.
  meadow: (x, y) => {
    const v = y / HEIGHT;
    if (v > ridge(x, 0.72, 0.04, 0.9, 1.3)) return [62, 128, 58];
    if (v > ridge(x, 0.58, 0.06, 1.4, 0.2)) return [98, 160, 80];
    return sky(y, [120, 176, 230], [214, 234, 246], 0, 0.6);
  },
  // A turquoise lagoon, a strip of sand and a clear sky.
  lagoon: (x, y) => {
    const v = y / HEIGHT;
    if (v > ridge(x, 0.82, 0.015, 0.8, 0.5)) return [230, 212, 170];
    if (v > 0.5) return sky(y, [64, 190, 196], [22, 140, 160], 0.5, 0.85);
    return sky(y, [90, 160, 220], [190, 226, 240], 0, 0.5);
  },
  // Dark mountains against an orange evening sky.
  dusk: (x, y) => {
    const v = y / HEIGHT;
    if (v > ridge(x, 0.74, 0.05, 1.1, 2.1)) return [40, 34, 60];
    if (v > ridge(x, 0.55, 0.1, 0.8, 0.7)) return [84, 62, 98];
    return sky(y, [246, 150, 84], [252, 214, 140], 0, 0.7);
  },
  // A field of lavender reaching the horizon: one strong violet over most of the picture.
  lavender: (x, y) => {
    const v = y / HEIGHT;
    if (v > 0.32) return [122, 63, 166];
    return sky(y, [150, 196, 236], [226, 232, 244], 0, 0.32);
  },
  // Sand dunes under a hazy sky.
  dunes: (x, y) => {
    const v = y / HEIGHT;
    if (v > ridge(x, 0.78, 0.05, 1.2, 0.9)) return [196, 140, 82];
    if (v > ridge(x, 0.6, 0.08, 0.9, 2.6)) return [222, 172, 110];
    return sky(y, [176, 206, 228], [240, 230, 210], 0, 0.62);
  },
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG; each row filtered with "Up" (flat colours and gradients compress to almost nothing). */
function encodePng(paint) {
  const stride = WIDTH * 3;
  const raw = Buffer.alloc((stride + 1) * HEIGHT);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(stride);
    for (let x = 0; x < WIDTH; x++) row.set(paint(x, y), x * 3);
    const offset = y * (stride + 1);
    raw[offset] = 2;
    for (let index = 0; index < stride; index++) raw[offset + 1 + index] = (row[index] - previous[index]) & 0xff;
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

for (const [name, paint] of Object.entries(backgrounds)) {
  const png = encodePng(paint);
  writeFileSync(new URL(`${name}.png`, OUTPUT), png);
  console.log(`${name}.png: ${png.length} bytes`);
}
