import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { isCi } from '../../../src/app/config';
import { ADMIN_PASSWORD, startTestEnv, type TestEnv, type TestClock } from '../../support/test-app';
import { ensureWebBuilt } from './web-build';

// Browser tests: the real server on a fresh SQLite database, driven through Debian's Chromium.

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && isCi()) throw new Error(`${CHROMIUM} is missing; in CI the browser tests must run (apt-get install chromium).`);
if (!HAS_CHROMIUM) console.warn(`${CHROMIUM} is missing: the browser tests are skipped (apt-get install chromium).`);

export interface E2E {
  readonly env: TestEnv;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A new page (1280×800 unless given) in a fresh browser context. */
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  /** The Content-Security-Policy violations the test's pages reported so far (each fails the test). */
  cspViolations(): readonly string[];
}

/**
 * Makes every page of the context report what the Content-Security-Policy blocked: the document's
 * `securitypolicyviolation` events (listened to before any script of the page runs), and any
 * "Refused to …" console error the browser passes on as well.
 */
async function watchCsp(context: BrowserContext, report: (violation: string) => void): Promise<void> {
  await context.exposeBinding('__rapportCspViolation', (_source, v: string) => report(v));
  // a string, as the page runs it: the test code is not compiled against the DOM
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    window.__rapportCspViolation?.(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')');
  });`);
  context.on('console', (message) => {
    if (message.type() === 'error' && /^Refused to /.test(message.text())) report(message.text());
  });
}

/** A browser suite: one server and one browser for the file's tests; skipped without Chromium outside CI. */
export function describeInBrowser(name: string, suite: (e2e: () => E2E) => void, opts: { clock?: () => TestClock } = {}): void {
  describe.skipIf(!HAS_CHROMIUM)(name, { timeout: 120_000 }, () => {
    let state: (E2E & { stop(): Promise<void> }) | undefined;
    let pages: Page[] = [];
    let violations: string[] = [];
    beforeAll(async () => {
      ensureWebBuilt();
      const env = await startTestEnv('sqlite', opts.clock ? { clock: opts.clock() } : {});
      const address = await env.server.fastify.listen({ port: 0, host: '127.0.0.1' });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      state = {
        env,
        baseUrl: address,
        browser,
        async newPage(o = {}) {
          const context = await browser.newContext({
            viewport: { width: o.width ?? 1280, height: o.height ?? 800 },
            baseURL: address,
            acceptDownloads: true,
          });
          context.setDefaultTimeout(15_000);
          await watchCsp(context, (v) => violations.push(v));
          const page = await context.newPage();
          pages.push(page);
          return page;
        },
        cspViolations: () => [...violations],
        async stop() {
          await browser.close();
          await env.stop();
        },
      };
    }, 240_000);
    // a failed test leaves a picture of where it stopped
    afterEach(async (ctx) => {
      if (ctx.task.result?.state === 'fail')
        for (const [i, p] of pages.entries())
          await screenshot(p, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}-${i}`).catch(() => undefined);
      for (const p of pages)
        await p
          .context()
          .close()
          .catch(() => undefined);
      pages = [];
      // the UI and the API docs must work under the policy: any violation fails the test
      const seen = [...new Set(violations)];
      violations = [];
      if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
    });
    afterAll(async () => {
      await state?.stop();
    }, 60_000);
    suite(() => {
      if (!state) throw new Error('browser suite not started');
      return state;
    });
  });
}

/** Signs in through the sign-in page. */
export async function signIn(page: Page, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/user name|имя пользователя/i).fill(username);
  await page.getByLabel(/^password|^пароль/i).fill(password);
  await page.getByRole('button', { name: /^sign in$|^войти$/i }).click();
  await page.getByRole('button', { name: /user menu|меню пользователя/i }).waitFor();
}

/** Saves the page as test-results/screens/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}
