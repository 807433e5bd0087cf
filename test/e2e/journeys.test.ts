// Each role's journey in Debian's Chromium against the real server (`npm start` on a fresh
// DATA_DIR), at 1280 and at 390 px: the traveler (keyboard only) asks, opens a citation, rates the
// answer down and escalates, and escalates a question the documents do not cover; staff answer one
// ticket citing a passage and forward the other; the support desk answers the forwarded one; the
// traveler reads both answers; an administrator reads the dashboard, reviews a risk event and
// exports the list. Every screen: no serious or critical axe violation, nothing wider than the
// window, and at the end of each journey no console error, failed request or uncaught exception.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerNumber, DEMO, escalate, fitsWidth, launchChromium, openPage, signIn, WIDTHS, type WatchedPage, type Width } from '../../scripts/lib/browser.ts';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import { buildWebIfMissing } from '../../scripts/lib/web.ts';
import { tempDir } from '../helpers/index.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: ChildProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  await buildWebIfMissing(true);
  const started = await startServerProcess({ DATA_DIR: tempDir(), NODE_ENV: 'test' }, { timeoutMs: 150_000 });
  server = started.child;
  base = started.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/**
 * No serious or critical accessibility violations, and (at any width) nothing wider than the
 * window. axe is evaluated through the DevTools protocol, so the page keeps its CSP.
 */
async function check(page: Page, what: string) {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${what}: accessibility`).toEqual([]);
  expect(await fitsWidth(page), `${what}: nothing wider than the window`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until the focused element's accessible text matches; fails after 60. */
async function tabTo(page: Page, name: RegExp, backwards = false) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el && el !== document.body ? `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''} ${(el as HTMLInputElement).labels?.[0]?.innerText ?? ''}` : '';
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no focusable element matching ${name}`);
}

/** The focused element shows the design system's focus ring (a 4 px outline). */
async function expectFocusRing(page: Page) {
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
  expect(outline).toBe('4px');
}

const box = async (l: Locator) => (await l.boundingBox())!;

const QUESTIONS: Record<Width, { known: string; unknown: string }> = {
  desktop: { known: '出張から戻ったら旅費の精算はどう請求しますか', unknown: '社員食堂のメニューは？' },
  phone: { known: '宿泊手当はいくらですか', unknown: '庁舎の売店は何時まで開いていますか' },
};

for (const width of ['desktop', 'phone'] as Width[]) {
  const { known, unknown: asked } = QUESTIONS[width];
  // Stored questions are normalized (NFKC: ？ becomes ?): find them without the closing mark.
  const unknown = asked.replace(/[？?]$/, '');
  const px = WIDTHS[width].width;

  describe(`journeys at ${px} px`, () => {
    const pages: WatchedPage[] = [];
    const open = async (label: string) => {
      const watched = await openPage(browser, width);
      pages.push(watched);
      await signIn(watched.page, base, label);
      return watched;
    };
    afterAll(async () => {
      await Promise.all(pages.map((p) => p.page.context().close()));
    });

    it('a traveler, with the keyboard only, asks, reads a citation, rates the answer down, escalates and finds the tickets', async () => {
      const { page, problems } = await openPage(browser, width);
      pages.push({ page, problems });
      await page.goto(base);
      await check(page, 'sign-in');
      await tabTo(page, /デモ: 旅行者/);
      await expectFocusRing(page);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'サインアウト' }).waitFor();
      await check(page, 'chat (empty)');

      await tabTo(page, /^\s*質問\s*$/);
      await page.keyboard.type(known);
      await tabTo(page, /質問する/);
      await page.keyboard.press('Enter');
      const answer = await answerNumber(page, 0);
      await check(page, 'chat with an answer');

      // The first citation chip in the text opens the passage; focus moves into the panel.
      await tabTo(page, /根拠1を開く/, true);
      await page.keyboard.press('Enter');
      const panel = page.getByRole('dialog');
      await panel.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('閉じる');
      expect(await panel.locator('mark').count(), 'sentences the answer used are marked').toBeGreaterThan(0);
      const p = await box(panel);
      expect(p.x, 'the panel starts on screen').toBeGreaterThanOrEqual(0);
      expect(p.x + p.width, 'the panel ends on screen').toBeLessThanOrEqual(px);
      await check(page, 'citation panel');
      // Escape closes it and gives focus back to the chip.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^根拠1を開く/);

      await tabTo(page, /役に立たなかった/);
      await page.keyboard.press('Enter');
      await tabTo(page, /会計担当職員への補足/);
      await page.keyboard.type('交通費の入力方法も知りたいです');
      await tabTo(page, /会計担当に問い合わせる/);
      await page.keyboard.press('Enter');
      await answer.getByText('会計担当職員に問い合わせました').waitFor();
      await check(page, 'escalated');

      // In a new conversation, a question outside the documents: declined, escalation offered at once.
      await tabTo(page, /新しい会話/, true);
      await page.keyboard.press('Enter');
      await tabTo(page, /^\s*質問\s*$/, true);
      await page.keyboard.type(asked);
      await tabTo(page, /質問する/);
      await page.keyboard.press('Enter');
      const declined = await answerNumber(page, 0);
      expect(await declined.textContent()).toContain('見つかりませんでした');
      await tabTo(page, /会計担当に問い合わせる/, true);
      await page.keyboard.press('Enter');
      await declined.getByText('会計担当職員に問い合わせました').waitFor();
      // Both tickets wait in 自分の問い合わせ.
      await tabTo(page, /自分の問い合わせ/, true);
      await page.keyboard.press('Enter');
      const mine = page.getByRole('region', { name: '自分の問い合わせ' });
      await mine.getByText(known).waitFor();
      await mine.getByText(unknown).waitFor();
      expect(await mine.getByText('受付中').count()).toBeGreaterThanOrEqual(2);
      await check(page, 'my tickets (waiting)');
      expect(problems).toEqual([]);
    });

    it('accounting staff answer one ticket citing a passage, and forward the other to the desk', async () => {
      const { page, problems } = await open(DEMO.staff);
      await check(page, 'staff queue');
      // A question the documents do not cover is filed under その他.
      const row = page.locator('tbody tr').filter({ hasText: unknown });
      expect(await row.locator('td').nth(1).innerText()).toContain('その他');

      await page.getByRole('button', { name: known }).click();
      const ticket = page.getByRole('region', { name: known });
      await ticket.getByRole('heading', { name: known }).waitFor();
      // The attached answer's citations are chips opening the passage, as the traveler sees them.
      const chips = ticket.getByRole('group', { name: '根拠の資料' }).getByRole('button');
      expect(await chips.count()).toBeGreaterThan(0);
      await ticket.getByRole('button', { name: /^根拠1を開く/ }).first().click();
      await page.getByRole('dialog').locator('mark').first().waitFor();
      await check(page, 'staff citation panel');
      await page.getByRole('button', { name: '閉じる' }).click();
      // The log reads in Japanese.
      expect(await ticket.locator('.events').innerText()).toMatch(/問い合わせを受付\(旅行者 demo-traveler\)/);

      // Each checkbox sits by its own label.
      const checks = ticket.locator('label.check');
      expect(await checks.count()).toBeGreaterThan(0);
      for (let i = 0; i < (await checks.count()); i++) {
        const input = await box(checks.nth(i).locator('input'));
        const text = await box(checks.nth(i).locator('span'));
        expect(text.x - (input.x + input.width), 'gap between a checkbox and its label').toBeLessThan(16);
        expect(Math.abs(text.y - input.y), 'checkbox and label on the same line').toBeLessThan(16);
      }
      await ticket.getByLabel('回答', { exact: true }).fill('旅費請求(精算)作成画面から請求してください。交通費は「交通費」タブで入力します。');
      await checks.first().locator('input').check();
      await check(page, 'staff answering');
      await ticket.getByRole('button', { name: '回答する' }).click();
      await ticket.getByText('回答(会計担当職員 demo-staff)').waitFor();

      await page.getByRole('button', { name: unknown }).click();
      const other = page.getByRole('region', { name: unknown });
      await other.getByLabel('サポートデスクへの転送メモ').fill('食堂の運営は庶務担当です。');
      await other.getByRole('button', { name: 'SEABISサポートデスクに転送' }).click();
      await other.getByText('サポートデスクに転送(会計担当職員 demo-staff)').waitFor();
      await check(page, 'staff forwarded');
      expect(problems).toEqual([]);
    });

    it('the support desk answers the forwarded ticket', async () => {
      const { page, problems } = await open(DEMO.helpdesk);
      await page.getByRole('heading', { name: '転送された問い合わせ' }).waitFor();
      await page.getByRole('button', { name: unknown }).click();
      const ticket = page.getByRole('region', { name: unknown });
      await ticket.getByLabel('回答', { exact: true }).fill('社員食堂・売店は各庁舎の庶務担当にお問い合わせください。');
      await check(page, 'support desk');
      await ticket.getByRole('button', { name: '回答する' }).click();
      // Answered, it leaves the desk's queue of forwarded tickets.
      await page.locator('tbody tr').filter({ hasText: unknown }).waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
    });

    it('the traveler reads both answers in 自分の問い合わせ', async () => {
      const { page, problems } = await open(DEMO.traveler);
      await page.getByRole('button', { name: '自分の問い合わせ' }).click();
      const mine = page.getByRole('listitem').filter({ hasText: known }).first();
      await mine.getByText('会計担当職員からの回答').waitFor();
      expect(await mine.innerText()).toContain('「交通費」タブ');
      const desk = page.getByRole('listitem').filter({ hasText: unknown }).first();
      await desk.getByText('SEABISサポートデスクからの回答').waitFor();
      await check(page, 'my tickets');
      expect(problems).toEqual([]);
    });

    it('an administrator reads the dashboard, reviews a risk event and exports the list', async () => {
      const { page, problems } = await open(DEMO.admin);
      await page.getByText('監査ログ: 検証済み').waitFor();
      const charts = page.locator('.chart svg');
      await charts.first().waitFor();
      expect(await charts.count()).toBe(5);
      // Chart text is readable (at least 12 px) and no label runs into a bar.
      const layout = await page.evaluate(() =>
        [...document.querySelectorAll('.chart svg')].map((svg) => ({
          smallest: Math.min(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height)),
          overlaps: [...svg.querySelectorAll('g')].filter((g) => {
            const label = g.querySelector('text.label')?.getBoundingClientRect();
            const bar = g.querySelector('rect')?.getBoundingClientRect();
            return label && bar && bar.width > 0 && label.bottom > bar.top && label.top < bar.bottom && label.left < bar.right;
          }).length,
          ticks: svg.querySelectorAll('text.tick').length,
        })),
      );
      for (const chart of layout) {
        expect(chart.smallest).toBeGreaterThanOrEqual(12);
        expect(chart.overlaps).toBe(0);
        expect(chart.ticks).toBeGreaterThanOrEqual(2);
      }
      await check(page, 'dashboard');

      // The risk list: levels and reasons in Japanese, the question (the link to the detail) shown,
      // 未確認 on one line.
      const list = page.getByRole('region', { name: 'リスクイベント', exact: true });
      const first = list.locator('tbody tr').first();
      expect(['低', '中', '高']).toContain((await first.locator('.badge').first().innerText()).trim());
      expect(await list.innerText()).not.toMatch(/\b(low|medium|high|negative_feedback|low_confidence)\b/);
      const question = first.getByRole('button');
      expect(await question.isVisible()).toBe(true);
      const unreviewed = first.getByText('未確認');
      const lineHeight = await unreviewed.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await box(unreviewed)).height).toBeLessThan(lineHeight * 1.5 + 4);

      await question.click();
      const detail = page.getByRole('region', { name: /リスクイベントの詳細/ });
      await detail.getByLabel('確認コメント').fill('低評価の回答。回答内容を確認し、FAQ追加を検討。');
      await check(page, 'risk event detail');
      await detail.getByRole('button', { name: '確認して承認する' }).click();
      await detail.getByText('確認済み:').waitFor();

      const href = await list.getByRole('link', { name: /CSVで出力/ }).getAttribute('href');
      const csv = await page.context().request.get(new URL(href!, base).toString());
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect((await csv.text()).split('\n').length).toBeGreaterThan(1);
      expect(problems).toEqual([]);
    });
  });
}

describe('a clean load', () => {
  it('serves the site icon at /favicon.ico', async () => {
    const r = await fetch(new URL('/favicon.ico', base));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/icon/);
  });
});
