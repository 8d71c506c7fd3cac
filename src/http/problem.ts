/**
 * One mapping from errors to RFC 9457 problem bodies. Domain errors keep their code; Fastify's
 * own (validation, body size, media type, bad JSON) are given ours; anything else is a 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCodes, type ErrorCode } from '../lib/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

function fromFastify(error: FastifyError): AppError | undefined {
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath || ''}`,
      message: v.keyword === 'additionalProperties'
        ? `unknown field "${(v.params as { additionalProperty?: string }).additionalProperty}"`
        : v.message ?? 'invalid',
    }));
    return new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const byStatus: Record<number, ErrorCode> = { 400: 'validation', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };
  const code = error.statusCode ? byStatus[error.statusCode] : undefined;
  return code ? new AppError(code, error.message) : undefined;
}

export function problemOf(error: unknown, request: FastifyRequest): Problem {
  const known = error instanceof AppError ? error : fromFastify(error as FastifyError);
  const appError = known ?? new AppError('internal', 'An internal error occurred; it has been logged');
  const { errors, ...details } = appError.details ?? {};
  return {
    type: `https://qalxan.az/problems/${appError.code}`,
    title: errorCodes[appError.code].title,
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(errors ? { errors: errors as Problem['errors'] } : {}),
    ...details,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.code === 'rate_limited' && typeof problem.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(problem.retryAfterSeconds));
  }
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, detail: problem.detail }, 'request rejected');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemOf(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request)));
}
