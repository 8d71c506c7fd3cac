/** Serves the built web app, with every non-API path falling back to index.html. */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App, RouteDeps } from './types.ts';

export async function installWeb(app: App, { config }: RouteDeps): Promise<void> {
  const index = path.join(config.webDistDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ dir: config.webDistDir }, 'web app not built; serving the API only');
    return;
  }
  // No routes of its own (they would not be public): the route below serves files with sendFile.
  await app.register(fastifyStatic, { root: config.webDistDir, serve: false, index: false });
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const relative = (request.params as { '*': string })['*'];
    const file = path.join(config.webDistDir, relative);
    if (relative && file.startsWith(config.webDistDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(relative);
    if (relative.startsWith('api/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
