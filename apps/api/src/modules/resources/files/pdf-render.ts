import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface PdfRenderOptions {
  /** Width of the rendered PNG in pixels. */
  width: number;
  /** Longest height in pixels (very tall pages are cut off). */
  maxHeight: number;
  /** The worker is terminated after this long. */
  timeoutMs: number;
}

/**
 * Renders the first page of a PDF to PNG with pdfjs-dist (legacy build) and @napi-rs/canvas,
 * in a worker thread: rendering an untrusted PDF is CPU-heavy and may be slow on purpose, so it
 * must not block the API's event loop, and it is killed after `timeoutMs` or when it exceeds
 * its heap limit. Resolves to null when the page cannot be rendered in time.
 */
export async function renderPdfFirstPage(pdfPath: string, options: PdfRenderOptions): Promise<Buffer | null> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfPath, ...options, ...modules() },
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Buffer | null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.timeoutMs);
      worker.once('message', (message: { png?: Uint8Array; error?: string }) => resolve(message.png ? Buffer.from(message.png) : null));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

let resolved: { pdfjsUrl: string; canvasPath: string; standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } | undefined;

/** Where the worker finds its modules and pdfjs its data, resolved from this package. */
function modules() {
  if (!resolved) {
    const require = createRequire(import.meta.url);
    const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
    resolved = {
      pdfjsUrl: pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href,
      canvasPath: require.resolve('@napi-rs/canvas'),
      standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
      cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
      wasmUrl: `${path.join(pdfjsRoot, 'wasm')}/`,
    };
  }
  return resolved;
}

/**
 * The worker, as source (CommonJS, `eval: true`) so it runs the same from src/ under vitest and
 * from dist/. No eval of PDF content (isEvalSupported: false), no system fonts, no font faces.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs/promises');
(async () => {
  const { pdfPath, width, maxHeight, pdfjsUrl, canvasPath, standardFontDataUrl, cMapUrl, wasmUrl } = workerData;
  const pdfjs = await import(pdfjsUrl);
  const { createCanvas } = require(canvasPath);
  const data = new Uint8Array(await fs.readFile(pdfPath));
  const document = await pdfjs.getDocument({
    data, standardFontDataUrl, cMapUrl, cMapPacked: true, wasmUrl,
    isEvalSupported: false, useSystemFonts: false, disableFontFace: true, enableXfa: false, verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / unscaled.width });
    const canvas = createCanvas(width, Math.max(1, Math.min(maxHeight, Math.ceil(viewport.height))));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: context, viewport, background: '#ffffff' }).promise;
    const png = canvas.toBuffer('image/png');
    parentPort.postMessage({ png }, [png.buffer]);
  } finally {
    await document.destroy();
  }
})().catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
`;
