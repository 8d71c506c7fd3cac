import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

/** The Fastify instance with TypeBox schemas typing each route's request. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What module routes receive: the database and the parsed configuration, nothing global. */
export interface RouteDeps {
  db: Db;
  config: Config;
}

export type RouteModule = (app: App, deps: RouteDeps) => void;
