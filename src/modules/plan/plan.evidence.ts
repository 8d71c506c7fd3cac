/**
 * Evidence files sent with a progress report, as base64 in the JSON body (one validated request,
 * documented by its schema, no temporary files). Each is decoded strictly, size-limited, checked
 * against its declared media type where the type has a signature, and hashed with SHA-256.
 */
import { AppError, fail } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';

/** At most 5 MiB per file (the database refuses more too) and 5 files per report. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;
/** A report body large enough for the most evidence allowed, and no larger. */
export const REPORT_BODY_LIMIT = MAX_EVIDENCE_FILES * Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 256 * 1024;

/** Leading bytes a file of the type must have ("PK" covers the Office formats and ZIP). */
const signatures: Record<string, number[] | null> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/zip': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
  'text/plain': null,
  'text/csv': null,
};

export const evidenceMediaTypes = Object.keys(signatures);

export interface EvidenceInput {
  name: string;
  mediaType: string;
  contentBase64: string;
}

export interface DecodedEvidence {
  name: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

/** Decodes and checks every file before anything is stored; throws a 4xx AppError at the first bad one. */
export function decodeEvidence(files: readonly EvidenceInput[]): DecodedEvidence[] {
  if (files.length > MAX_EVIDENCE_FILES) throw fail.validation(`At most ${MAX_EVIDENCE_FILES} evidence files per report`);
  return files.map((file, index) => {
    const where = `evidence ${index + 1} (${file.name})`;
    if (!(file.mediaType in signatures)) throw new AppError('unsupported_media_type', `${where}: media type ${file.mediaType} is not accepted; use one of ${evidenceMediaTypes.join(', ')}`);
    if (file.contentBase64.length > Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4) throw new AppError('payload_too_large', `${where}: larger than ${MAX_EVIDENCE_BYTES} bytes`);
    const content = Buffer.from(file.contentBase64, 'base64');
    if (file.contentBase64.length % 4 !== 0 || content.toString('base64') !== file.contentBase64) throw fail.validation(`${where}: content is not valid base64`);
    if (content.length === 0) throw fail.validation(`${where}: the file is empty`);
    if (content.length > MAX_EVIDENCE_BYTES) throw new AppError('payload_too_large', `${where}: larger than ${MAX_EVIDENCE_BYTES} bytes`);
    const signature = signatures[file.mediaType];
    if (signature && !signature.every((byte, i) => content[i] === byte)) throw new AppError('unprocessable', `${where}: content is not a ${file.mediaType} file`);
    return { name: file.name, mediaType: file.mediaType, content, sha256: sha256Hex(content) };
  });
}
