import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, jpegWithExif, ooxml, pdfWithMetadata, png } from '../../../../test/storage/upload-fixtures.js';
import { renderPdfFirstPage } from './pdf-render.js';
import { makeThumbnail, THUMBNAIL_MAX_HEIGHT, THUMBNAIL_WIDTH } from './thumbnail.js';

let fixtures: Awaited<ReturnType<typeof fixtureDir>>;
beforeAll(async () => {
  fixtures = await fixtureDir();
});
afterAll(() => fixtures.remove());

describe('makeThumbnail', () => {
  it('makes a 400-px-wide WebP of a photo, upright as its EXIF orientation says', async () => {
    const thumbnail = await makeThumbnail(await fixtures.file('foto.jpg', await jpegWithExif()), 'image/jpeg');
    const metadata = await sharp(thumbnail!).metadata();
    expect(metadata.format).toBe('webp');
    // 300×200 with orientation 6 is a 200×300 portrait; never enlarged past its own width.
    expect([metadata.width, metadata.height]).toEqual([200, 300]);
    expect(metadata.exif).toBeUndefined();
  });

  it('scales large images down to 400 px and crops very tall ones', async () => {
    const wide = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#cc3344' } }).png().toBuffer();
    const wideThumb = await sharp((await makeThumbnail(await fixtures.file('wide.png', wide), 'image/png'))!).metadata();
    expect([wideThumb.width, wideThumb.height]).toEqual([THUMBNAIL_WIDTH, 200]);
    const tall = await sharp({ create: { width: 800, height: 10_000, channels: 3, background: '#3344cc' } }).png().toBuffer();
    const tallThumb = await sharp((await makeThumbnail(await fixtures.file('tall.png', tall), 'image/png'))!).metadata();
    expect([tallThumb.width, tallThumb.height]).toEqual([THUMBNAIL_WIDTH, THUMBNAIL_MAX_HEIGHT]);
  });

  it('uses the first frame of an animated GIF', async () => {
    const frames = await Promise.all([60, 120, 180].map((red) => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 0, b: 0 } } }).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } }).gif({ delay: [100, 100, 100] }).toBuffer();
    const thumb = await sharp((await makeThumbnail(await fixtures.file('a.gif', animated), 'image/gif'))!).metadata();
    expect([thumb.width, thumb.height, thumb.pages ?? 1]).toEqual([40, 30, 1]);
  });

  it('renders the first page of a PDF', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([595, 842]);
    page.drawRectangle({ x: 0, y: 421, width: 595, height: 421, color: rgb(0.9, 0.1, 0.1) }); // top half red
    page.drawText('Breuken', { x: 50, y: 700, size: 60, font: await document.embedFont(StandardFonts.Helvetica), color: rgb(0, 0, 0) });
    document.addPage([595, 842]).drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0, 0, 1) }); // page 2 blue
    const thumbnail = await makeThumbnail(await fixtures.file('les.pdf', Buffer.from(await document.save())), 'application/pdf');
    expect(thumbnail).not.toBeNull();
    const { data, info } = await sharp(thumbnail!).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(400);
    expect(Math.abs(info.height - Math.round((842 * 400) / 595))).toBeLessThanOrEqual(1); // A4 proportions
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    const [r, g, b] = pixel(380, 20); // top right: red
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    expect(pixel(200, 500).every((value) => value > 240)).toBe(true); // bottom half white, not page 2's blue
    // Some dark text pixels where "Breuken" is written.
    let dark = 0;
    for (let y = 80; y < 130; y++) for (let x = 30; x < 200; x++) if (pixel(x, y).every((value) => value < 80)) dark++;
    expect(dark).toBeGreaterThan(100);
  });

  it('renders the stripped test PDF too, and gives null for a PDF it cannot render', async () => {
    expect(await makeThumbnail(await fixtures.file('les.pdf', await pdfWithMetadata()), 'application/pdf')).not.toBeNull();
    const broken = await fixtures.file('broken.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x41)]));
    expect(await makeThumbnail(broken, 'application/pdf')).toBeNull();
  });

  it('gives up on a render that takes too long', async () => {
    const path = await fixtures.file('les.pdf', await pdfWithMetadata());
    expect(await renderPdfFirstPage(path, { width: 800, maxHeight: 2400, timeoutMs: 1 })).toBeNull();
  });

  it('gives null for types without a thumbnail', async () => {
    expect(await makeThumbnail(await fixtures.file('les.docx', await ooxml('docx')), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
    expect(await makeThumbnail(await fixtures.file('a.txt', 'tekst'), 'text/plain')).toBeNull();
    expect(await makeThumbnail(await fixtures.file('a.png', await png()), 'audio/mpeg')).toBeNull();
  });
});

