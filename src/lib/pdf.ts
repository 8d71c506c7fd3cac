/**
 * A pdfkit document with DejaVu Sans embedded as fonts "body" and "bold": PDF's built-in fonts
 * lack Azerbaijani letters (ə, ğ, ı, ş). The fonts are Debian's fonts-dejavu-core (.ci/run).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from './errors.ts';

const fontDir = '/usr/share/fonts/truetype/dejavu';
export const regularFont = `${fontDir}/DejaVuSans.ttf`;
export const boldFont = `${fontDir}/DejaVuSans-Bold.ttf`;

/** A new document and the promise of its bytes, resolved once `doc.end()` has been called. */
export function createPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  if (!fs.existsSync(regularFont) || !fs.existsSync(boldFont)) throw new AppError('unavailable', `PDF font missing: install fonts-dejavu-core (${regularFont})`);
  const doc = new PDFDocument(options);
  doc.registerFont('body', regularFont);
  doc.registerFont('bold', boldFont);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
