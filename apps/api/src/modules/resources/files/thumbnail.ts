import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from './inspect-upload.js';
import { renderPdfFirstPage } from './pdf-render.js';

/** Thumbnails are WebP images at most this wide. */
export const THUMBNAIL_WIDTH = 400;
/** …and at most this high (a very tall page or image is cropped from the top). */
export const THUMBNAIL_MAX_HEIGHT = 1200;
export const PDF_RENDER_TIMEOUT_MS = 30_000;

/**
 * A 400-pixel-wide WebP thumbnail of an inspected, stripped upload: images through sharp (EXIF
 * orientation applied, first frame of animations, never enlarged), PDFs by rendering their
 * first page (pdf-render.ts). Null for other types, and for PDFs that cannot be rendered in
 * time; the web client then shows an icon.
 */
export async function makeThumbnail(path: string, mimeType: string): Promise<Buffer | null> {
  if (['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(mimeType)) {
    return toThumbnail(sharp(path, { failOn: 'none', limitInputPixels: MAX_IMAGE_PIXELS }), { enlarge: false });
  }
  if (mimeType === 'application/pdf') {
    // Rendered at twice the width, then scaled down by sharp: sharper text than rendering at 400.
    const png = await renderPdfFirstPage(path, { width: THUMBNAIL_WIDTH * 2, maxHeight: THUMBNAIL_MAX_HEIGHT * 2, timeoutMs: PDF_RENDER_TIMEOUT_MS });
    return png ? toThumbnail(sharp(png), { enlarge: true }) : null;
  }
  return null;
}

async function toThumbnail(image: ReturnType<typeof sharp>, options: { enlarge: boolean }): Promise<Buffer> {
  const { autoOrient, pageHeight, height: fullHeight } = await image.metadata();
  const source = { width: autoOrient.width, height: pageHeight && pageHeight < fullHeight ? pageHeight : autoOrient.height };
  const width = options.enlarge ? THUMBNAIL_WIDTH : Math.min(THUMBNAIL_WIDTH, source.width);
  const height = Math.max(1, Math.min(THUMBNAIL_MAX_HEIGHT, Math.round((source.height * width) / source.width)));
  return image.autoOrient().resize({ width, height, fit: 'cover', position: 'top' }).webp({ quality: 80 }).toBuffer();
}
