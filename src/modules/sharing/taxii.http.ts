/**
 * TAXII 2.1 on the wire: the media types, the error body (TAXII error resource rather than the
 * API's problem+json — it also carries our stable `code`), Accept and Content-Type checks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, type ErrorCode } from '../../lib/errors.ts';
import { problemOf } from '../../http/problem.ts';

export const taxiiType = 'application/taxii+json;version=2.1';
export const stixType = 'application/stix+json;version=2.1';

/** A TAXII-specific failure (406, 415 and 400 on query parameters) with the status to answer. */
export class TaxiiError extends Error {
  constructor(readonly status: number, readonly title: string, description: string) {
    super(description);
  }
}

function mediaType(header: string): { type: string; version?: string } {
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const version = params.find((p) => p.replace(/\s/g, '').startsWith('version='))?.split('=')[1]?.trim();
  return { type, version };
}

/** TAXII's Accept rule: taxii+json (version 2.1 or unversioned), or stix+json where objects are served. */
export function checkAccept(request: FastifyRequest, stixAllowed: boolean): void {
  const header = request.headers.accept;
  if (!header) return;
  const ok = header.split(',').some((part) => {
    const { type, version } = mediaType(part);
    if (type === '*/*' || type === 'application/*') return true;
    if (version !== undefined && version !== '2.1') return false;
    return type === 'application/taxii+json' || (stixAllowed && type === 'application/stix+json');
  });
  if (!ok) throw new TaxiiError(406, 'Not Acceptable', `The server serves ${taxiiType}${stixAllowed ? ` or ${stixType}` : ''}`);
}

/** POSTs must say application/taxii+json;version=2.1 exactly (version optional). */
export function checkContentType(request: FastifyRequest): void {
  const { type, version } = mediaType(request.headers['content-type'] ?? '');
  if (type !== 'application/taxii+json' || (version !== undefined && version !== '2.1')) {
    throw new TaxiiError(415, 'Unsupported Media Type', `Send envelopes as ${taxiiType}`);
  }
}

export interface TaxiiErrorBody {
  title: string;
  description: string;
  error_id: string;
  http_status: string;
  code: ErrorCode | 'taxii';
  details?: Record<string, unknown>;
}

/** The TAXII error resource for any error thrown in the TAXII scope. */
export function taxiiErrorOf(error: unknown, request: FastifyRequest): { status: number; body: TaxiiErrorBody } {
  if (error instanceof TaxiiError) {
    return { status: error.status, body: { title: error.title, description: error.message, error_id: request.id, http_status: String(error.status), code: 'taxii' } };
  }
  const problem = problemOf(error, request);
  return {
    status: problem.status,
    body: { title: errorCodes[problem.code].title, description: problem.detail, error_id: request.id, http_status: String(problem.status), code: problem.code, ...(problem.errors ? { details: { errors: problem.errors } } : {}) },
  };
}

export function sendTaxiiError(reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = taxiiErrorOf(error, reply.request);
  if (status >= 500) reply.request.log.error({ err: error }, 'TAXII request failed');
  return reply.code(status).type(taxiiType).send(JSON.stringify(body));
}
