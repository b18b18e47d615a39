import { chromium } from 'playwright-core';
const [url, out, width = '1200', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('dev mode')) console.log('console:', m.text(), JSON.stringify(m.location())); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT ?? 4000));
if (process.env.CLICK) { await page.evaluate(process.env.CLICK); await page.waitForTimeout(1500); }
if (process.env.SELECTOR) await page.locator(process.env.SELECTOR).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: !process.env.VIEWPORT });
await browser.close();
