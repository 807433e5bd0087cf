// The web UI in Debian's Chromium, for the browser journeys (test/e2e) and the README screenshots
// (npm run screenshots): launching it, a page per role and width that records what a person would
// see go wrong (console errors, failed requests, uncaught exceptions), and the steps of each role's
// main journey.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Width = keyof typeof WIDTHS;

export const DEMO = { traveler: 'デモ: 旅行者', staff: 'デモ: 会計担当職員', helpdesk: 'デモ: SEABISサポートデスク', admin: 'デモ: 管理者' } as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed for the browser journeys: install Debian's packages (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH. Not found: ${CHROMIUM}`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, failed responses (4xx/5xx) and uncaught exceptions, in order. */
  problems: string[];
}

/**
 * A fresh browser context at the given width. `bypassCSP` only lets a test inject axe-core; the
 * app's own Content-Security-Policy still applies to the app's scripts and is what the console sees.
 */
export async function openPage(browser: Browser, width: Width, options: { bypassCSP?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: WIDTHS[width], locale: 'ja-JP', timezoneId: 'Asia/Tokyo', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
  });
  return { page, problems };
}

export async function signIn(page: Page, base: string, label: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('button', { name: 'サインアウト' }).waitFor();
}

/** Asks a question in the chat and waits for the whole answer (its confidence line comes last). */
export async function ask(page: Page, question: string) {
  const before = await answers(page).count();
  await page.getByLabel('質問', { exact: true }).fill(question);
  await page.getByRole('button', { name: '質問する' }).click();
  return answerNumber(page, before);
}

const answers = (page: Page) => page.getByRole('article', { name: '回答' });

/** The n-th answer (from 0) of the conversation, once it is complete. */
export async function answerNumber(page: Page, n: number) {
  const answer = answers(page).nth(n);
  await answer.getByText('確信度').waitFor();
  return answer;
}

/** Rates the answer down and passes the question to accounting staff with a note. */
export async function escalate(page: Page, note: string): Promise<void> {
  const answer = page.getByRole('article', { name: '回答' }).last();
  await answer.getByRole('button', { name: '役に立たなかった' }).click();
  await answer.getByLabel('会計担当職員への補足(任意)').fill(note);
  await answer.getByRole('button', { name: '解決しない → 会計担当に問い合わせる' }).click();
  await answer.getByText('会計担当職員に問い合わせました').waitFor();
}

/** True when nothing on the page is wider than the window (no sideways scrolling). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
