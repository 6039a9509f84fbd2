import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * Renders the SVG app icon to the PNG (Linux) and ICO (Windows) electron-builder wants. The
 * ICO holds PNG-compressed images, which Windows Vista and later read.
 */
const svg = 'resources/public/icon.svg';
mkdirSync('resources/icons', { recursive: true });
await sharp(svg, { density: 600 }).resize(512, 512).png().toFile('resources/icons/icon.png');

const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = await Promise.all(sizes.map((s) => sharp(svg, { density: 600 }).resize(s, s).png().toBuffer()));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((s, i) => {
  const e = 6 + 16 * i;
  header.writeUInt8(s === 256 ? 0 : s, e);
  header.writeUInt8(s === 256 ? 0 : s, e + 1);
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(images[i]!.length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += images[i]!.length;
});
writeFileSync('resources/icons/icon.ico', Buffer.concat([header, ...images]));
process.stderr.write('resources/icons: icon.png, icon.ico\n');
