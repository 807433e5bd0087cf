// npm run screenshots [-- --out <dir>] [--base <url>]: each role's main page at 1280 and 390 px,
// as PNGs for the README (docs/screenshots/). Without --base it starts its own server on a fresh
// DATA_DIR, so the pictures show a first run: a traveler asks and escalates, staff open the ticket,
// forward it, the support desk sees its queue, an administrator sees the dashboard.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ask, DEMO, escalate, launchChromium, openPage, signIn, type Width } from './lib/browser.ts';
import { startServerProcess } from './lib/server-process.ts';
import { buildWebIfMissing } from './lib/web.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' }, base: { type: 'string' } } });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

let server: ChildProcess | undefined;
let base = values.base;
if (!base) {
  await buildWebIfMissing(true);
  process.stderr.write('Starting a server on a fresh DATA_DIR…\n');
  const started = await startServerProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'seabis-shots-')), NODE_ENV: 'test' }, { timeoutMs: 180_000 });
  server = started.child;
  base = started.base;
}

const browser = await launchChromium();
try {
  for (const width of ['desktop', 'phone'] as Width[]) {
    const px = width === 'desktop' ? 1280 : 390;
    const shot = async (page: import('playwright-core').Page, name: string) => {
      const path = join(out, `${name}-${px}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      process.stderr.write(`${path}\n`);
    };

    const traveler = (await openPage(browser, width)).page;
    await signIn(traveler, base, DEMO.traveler);
    const answer = await ask(traveler, '出張から戻ったら旅費の精算はどう請求しますか');
    await shot(traveler, 'traveler-chat');
    await answer.getByRole('group', { name: '根拠の資料' }).getByRole('button').first().click();
    await traveler.getByRole('dialog').waitFor();
    await shot(traveler, 'traveler-citation');
    await traveler.getByRole('button', { name: '閉じる' }).click();
    await escalate(traveler, '交通費の入力方法も知りたいです');

    const staff = (await openPage(browser, width)).page;
    await signIn(staff, base, DEMO.staff);
    // The newest ticket (the queue lists the longest waiting first; the last pass's is forwarded).
    await staff.getByRole('button', { name: '出張から戻ったら旅費の精算はどう請求しますか' }).last().click();
    await staff.getByRole('heading', { name: '出張から戻ったら旅費の精算はどう請求しますか' }).waitFor();
    await shot(staff, 'staff-ticket');
    // Forwarded, so that the support desk's queue shows it.
    const ticket = staff.getByRole('region', { name: '出張から戻ったら旅費の精算はどう請求しますか' });
    await ticket.getByLabel('サポートデスクへの転送メモ').fill('操作手順の確認をお願いします。');
    await ticket.getByRole('button', { name: 'SEABISサポートデスクに転送' }).click();
    await ticket.getByText('サポートデスクに転送(会計担当職員 demo-staff)').waitFor();

    const desk = (await openPage(browser, width)).page;
    await signIn(desk, base, DEMO.helpdesk);
    await desk.getByRole('heading', { name: '転送された問い合わせ' }).waitFor();
    await desk.getByRole('button', { name: '出張から戻ったら旅費の精算はどう請求しますか' }).first().waitFor();
    await shot(desk, 'helpdesk-queue');

    const admin = (await openPage(browser, width)).page;
    await signIn(admin, base, DEMO.admin);
    await admin.getByText('監査ログ: 検証済み').waitFor();
    await admin.locator('.chart svg').first().waitFor();
    await shot(admin, 'admin-dashboard');
    await Promise.all([traveler, staff, desk, admin].map((p) => p.context().close()));
  }
} finally {
  await browser.close();
  server?.kill('SIGTERM');
}
