// Drives Chromium over the site as a reader would: every page loads, every
// link and download answers 200, the index lists every scheduled meeting,
// axe-core finds no serious or critical violation, and screenshots at phone
// and desktop widths are saved.
// Usage: node site_browser.js BASE_URL SHOT_DIR MEETING...
// Each MEETING is a date (the index links meeting-DATE.html) or the page
// the index links (committees/cype/meeting-2026-06-17.html). SCREEN_PAGES
// names the pages to try at each width (default: the index, the first
// meeting's page, work-programme.html).
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [base, shots, ...meetings] = process.argv.slice(2);
const WIDTHS = [375, 390, 1280];

function fail(message) {
  console.error('FAIL: ' + message);
  process.exit(1);
}

async function axeCheck(page, url) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => axe.run(document));
  const bad = result.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.error(`  ${url}: ${v.impact} ${v.id}: ${v.help} ` +
                  v.nodes.map((n) => n.target.join(' ')).join(', '));
  return bad.length;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const request = context.request;
  const pages = new Set([new URL('index.html', base).href]);
  const checked = new Set();
  const queue = [...pages];
  let violations = 0, links = 0, downloads = 0;

  while (queue.length) {
    const url = queue.shift();
    const response = await page.goto(url);
    if (!response || response.status() !== 200)
      fail(`${url} answered ${response ? response.status() : 'nothing'}`);
    if (await page.locator('script').count())
      fail(`${url} has a script`);
    violations += await axeCheck(page, url);
    const hrefs = await page.$$eval('a[href], link[href]',
      (els) => els.map((a) => a.href));
    for (const href of hrefs) {
      const target = new URL(href);
      if (target.protocol === 'mailto:' || target.protocol === 'https:')
        continue;
      target.hash = '';
      if (!target.href.startsWith(base))
        fail(`${url} links outside the site: ${href}`);
      if (checked.has(target.href))
        continue;
      checked.add(target.href);
      const answer = await request.get(target.href);
      if (answer.status() !== 200)
        fail(`${url}: ${target.href} answered ${answer.status()}`);
      const body = await answer.body();
      if (body.length === 0)
        fail(`${target.href} is empty`);
      links++;
      if (/\.(pdf|docx|odt|csv)$/.test(target.pathname))
        downloads++;
      if (target.pathname.endsWith('.html') && !pages.has(target.href)) {
        pages.add(target.href);
        queue.push(target.href);
      }
    }
  }

  // the index lists every scheduled meeting, each linking to its page
  await page.goto(new URL('index.html', base).href);
  const pageOf = (m) => (m.endsWith('.html') ? m : `meeting-${m}.html`);
  for (const m of meetings) {
    const link = page.locator(`a[href="${pageOf(m)}"]`);
    if ((await link.count()) < 1)
      fail(`index.html does not list the meeting ${m}`);
  }

  // readable at phone width: nothing wider than the screen but the tables'
  // own scrolling regions
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const names = process.env.SCREEN_PAGES
      ? process.env.SCREEN_PAGES.split(' ')
      : ['index.html', pageOf(meetings[0]), 'work-programme.html'];
    for (const name of names) {
      await page.goto(new URL(name, base).href);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0)
        fail(`${name} is ${overflow} px wider than a ${width} px screen`);
      const file = path.join(shots,
        `${name.replace('.html', '').replace(/\//g, '-')}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (!fs.existsSync(file) || fs.statSync(file).size === 0)
        fail(`no screenshot ${file}`);
    }
  }
  await browser.close();
  if (violations)
    fail(`axe-core found ${violations} serious or critical violations`);
  console.log(`  ok    ${pages.size} pages load; ${links} links answer 200, ` +
              `${downloads} of them downloads; ${meetings.length} meetings ` +
              `listed; axe-core: no serious or critical violations`);
  console.log(`  ok    screenshots at ${WIDTHS.join(' and ')} px in ${shots}`);
}

main().catch((e) => fail(e.stack || String(e)));
