// Documents that carry instructions for the assistant are risk cases: each flagged passage goes to
// the audit log (when the data folder has a database) so administrators can review the source.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import type { IngestReport } from '../../src/ingest/pipeline.ts';
import { nodeSha256 } from '../../src/audit/node-sha256.ts';
import { assess } from '../../src/risk/assess.ts';
import { RiskEvents } from '../../src/risk/events.ts';
import { signalsOf } from '../../src/risk/signals.ts';
import { openNodeStore } from '../../src/store/node/open.ts';

export async function recordSuspiciousPassages(config: Config, report: IngestReport, createIfMissing = false): Promise<number> {
  if (report.suspicious.length === 0) return 0;
  if (!createIfMissing && !existsSync(join(config.dataDir, 'seabis.db'))) return 0;
  const db = openNodeStore(config);
  try {
    const events = new RiskEvents(db, { sha256: nodeSha256 });
    for (const s of report.suspicious) {
      const assessment = assess({ signals: { ...signalsOf(''), injection: true }, pii: [] }, config.risk);
      await events.record({
        user: { id: 'ingest', role: 'admin' },
        channel: 'ingest',
        question: `${s.source} › ${s.section}`,
        answer: null,
        assessment,
        detail: `An ingested passage (${s.id}) carries instructions aimed at the assistant; it is not served.`,
      });
    }
    return report.suspicious.length;
  } finally {
    db.close();
  }
}
