// The Worker bundles with `wrangler deploy --dry-run`, and nothing Node-only is in it.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildWebIfMissing } from '../../scripts/lib/web.ts';
import { tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('Worker bundle', () => {
  it('builds with wrangler --dry-run and contains no Node-only module', async () => {
    await buildWebIfMissing();
    const out = tempDir('seabis-worker-');
    const wrangler = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
    const { stdout } = await promisify(execFile)(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', out], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    });
    expect(stdout).toContain('--dry-run: exiting now');
    const bundle = readFileSync(join(out, 'worker.js'), 'utf8');
    expect(bundle.match(/(?:from|import\(|require\()\s*["'](?:node:[\w/]+|fs|path|os|child_process|module)["']/g) ?? []).toEqual([]);
    expect(bundle).not.toMatch(/hnswlib|DatabaseSync|node:sqlite/);
    console.log(`worker bundle: ${(statSync(join(out, 'worker.js')).size / 1024).toFixed(0)} KiB`);
  });
});
