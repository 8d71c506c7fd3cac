import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';

it('rejects startServer, rather than exiting the process, when the detection worker cannot start', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-worker-start-'));
  const config = loadConfig({
    QALXAN_DATA_DIR: dataDir, QALXAN_PORT: '0', QALXAN_WEB_DIST: '/nonexistent', QALXAN_LOG_LEVEL: 'silent',
    QALXAN_ADMIN_PASSWORD: 'Worker-Start-Test-1', QALXAN_DETECT_RULES_DIR: path.join(dataDir, 'no-such-rules'),
  });
  try {
    await expect(startServer(config, () => undefined)).rejects.toThrow(/no-such-rules/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
