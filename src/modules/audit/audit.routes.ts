/** The audit trail for auditors and administrators, and chain verification. */
import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { fail } from '../../lib/errors.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { assertAnyRole, scopeForRoles } from '../identity/identity.policy.ts';
import * as audit from './audit.service.ts';

const tags = ['audit'];
const readers = ['auditor', 'admin'] as const;

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actor: Type.Optional(Type.String({ maxLength: 100 })),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  targetType: Type.Optional(Type.String({ maxLength: 60 })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

export function auditRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/audit', { schema: { tags, summary: 'Audit entries of the organisations you audit, newest first', querystring: AuditQuery } },
    async (request) => {
      const actor = actorOf(request);
      assertAnyRole(actor, [...readers]);
      const { from, to, limit = 100, ...rest } = request.query;
      const items = await audit.list(db, scopeForRoles(actor, [...readers]), {
        ...rest, limit, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined,
      });
      return {
        items: items.map(({ prev_hash: _p, hash: _h, ...row }) => ({
          seq: row.seq, at: row.at, actorLabel: row.actor_label, actorUserId: row.actor_user_id, organisationId: row.organisation_id,
          action: row.action, targetType: row.target_type, targetId: row.target_id, address: row.address, details: row.details,
        })),
        nextBefore: items.length === limit ? items[items.length - 1].seq : null,
      };
    });

  app.get('/api/audit/verify', { schema: { tags, summary: 'Verify the whole hash chain' } },
    async (request) => {
      const actor = actorOf(request);
      assertAnyRole(actor, [...readers]);
      if (!scopeForRoles(actor, [...readers]).all) throw fail.forbidden('Only national auditors and platform administrators verify the whole chain');
      return audit.verify(db);
    });
}
