import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webDistPath } from '../../apps/api/src/bootstrap';

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** Headless Debian Chromium, quiet (no background traffic). The web app must be built first. */
export async function launchBrowser(): Promise<Browser> {
  if (!webDistPath()) throw new Error('apps/web/dist is missing: run `npm run build:web` first.');
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
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
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions (CSP violations show up here). */
  problems: string[];
}

export async function openSession(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Session> {
  const phone = viewport.width < 600;
  const context = await browser.newContext({
    locale: 'es-MX',
    viewport,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  // Chromium logs every 4xx answer as "Failed to load resource"; tests provoke some on purpose.
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
  );
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Runs browser steps; on failure keeps a full-page screenshot named after the test. */
export async function steps(s: Session, name: string, run: (page: Page) => Promise<void>): Promise<void> {
  try {
    await run(s.page);
  } catch (err) {
    await s.page.screenshot({ path: join(ARTIFACTS, `${name}-failure.png`), fullPage: true });
    throw err;
  }
}

export const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

/** Width of the whole document: more than the viewport means horizontal scrolling. (A string, not a
 * function: the test tsconfig has no DOM types.) */
export const documentWidth = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth');
