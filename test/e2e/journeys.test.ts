// The people's journeys in headless Chromium against the real server: a traveler asks, opens a
// citation and escalates; staff answer; the traveler sees the answer; an admin reviews a risk
// event. Each step saves a screenshot in test/e2e/screenshots/, and every screen passes axe.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import { buildWebIfMissing } from '../../scripts/lib/web.ts';
import { tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'test', 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: ChildProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed for the browser tests: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. Not found: ${CHROMIUM}`);
  mkdirSync(shots, { recursive: true });
  await buildWebIfMissing(true);
  const started = await startServerProcess({ DATA_DIR: tempDir(), NODE_ENV: 'test' }, { timeoutMs: 150_000 });
  server = started.child;
  base = started.base;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function signIn(label: string, viewport = { width: 1100, height: 900 }): Promise<Page> {
  // bypassCSP lets the test inject axe; the app itself keeps its Content-Security-Policy.
  const page = await (await browser.newContext({ viewport, locale: 'ja-JP', bypassCSP: true })).newPage();
  await page.goto(base);
  await page.getByRole('button', { name: label }).click();
  await page.getByText('サインアウト').waitFor();
  return page;
}

/** No serious or critical accessibility violations on the page as it is now. */
async function expectAccessible(page: Page, what: string) {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${what} accessibility`).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, name), fullPage: true });

describe('journeys in a real browser', () => {
  it('traveler asks, opens a citation, rates the answer down and escalates', async () => {
    const page = await signIn('デモ: 旅行者');
    await expectAccessible(page, 'chat (empty)');
    await page.getByLabel('質問').fill('出張から戻ったら旅費の精算はどう請求しますか');
    await page.getByRole('button', { name: '質問する' }).click();
    const answer = page.getByRole('article', { name: '回答' });
    await answer.getByText('確信度').waitFor();
    expect(await answer.textContent()).toContain('旅費請求(精算)');
    await shot(page, '01-traveler-answer.png');
    await answer.locator('.chips .chip').first().click();
    const panel = page.getByRole('dialog', { name: '根拠の資料' });
    await panel.waitFor();
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'citation panel');
    await shot(page, '02-citation-panel.png');
    await panel.getByRole('button', { name: '閉じる' }).click();
    await answer.getByRole('button', { name: '役に立たなかった' }).click();
    await answer.getByLabel('会計担当職員への補足(任意)').fill('交通費の入力方法も知りたいです');
    await answer.getByRole('button', { name: '解決しない → 会計担当に問い合わせる' }).click();
    await answer.getByText('会計担当職員に問い合わせました').waitFor();
    await shot(page, '03-escalated.png');
  });

  it('accounting staff answer it from the queue, citing a passage', async () => {
    const page = await signIn('デモ: 会計担当職員');
    await page.getByRole('button', { name: '出張から戻ったら旅費の精算はどう請求しますか' }).click();
    await page.getByLabel('回答', { exact: true }).fill('旅費請求(精算)作成画面から請求してください。交通費は「交通費」タブで入力します。');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: '回答する' }).click();
    await page.locator('td', { hasText: '回答あり' }).first().waitFor();
    await expectAccessible(page, 'staff console');
    await shot(page, '04-staff-answered.png');
  });

  it('the traveler sees the answer', async () => {
    const page = await signIn('デモ: 旅行者');
    await page.getByRole('button', { name: '自分の問い合わせ' }).click();
    await page.getByText('会計担当職員からの回答').waitFor();
    expect(await page.locator('.staff-answer').textContent()).toContain('交通費」タブ');
    await expectAccessible(page, 'my tickets');
    await shot(page, '05-traveler-sees-answer.png');
  });

  it('an admin reviews a risk event and sees the dashboard', async () => {
    const page = await signIn('デモ: 管理者');
    await page.getByText('監査ログ: 検証済み').waitFor();
    await page.locator('table button.link').first().click();
    await page.getByLabel('確認コメント').fill('低評価の回答。回答内容を確認し、FAQ追加を検討。');
    await page.getByRole('button', { name: '確認して承認する' }).click();
    await page.getByText('確認済み:').waitFor();
    await expectAccessible(page, 'admin review');
    await shot(page, '06-admin-reviewed.png');
  });

  it('is usable at phone width', async () => {
    const page = await signIn('デモ: 旅行者', { width: 390, height: 844 });
    await page.getByLabel('質問').fill('宿泊手当はいくらですか');
    await page.getByRole('button', { name: '質問する' }).click();
    await page.getByRole('article', { name: '回答' }).getByText('確信度').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, '07-phone.png');
  });
});
