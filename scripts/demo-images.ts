/**
 * Draws the demo images (article covers and author avatars) from SVG with
 * sharp and writes them, with data/demo-media/credits.json, to data/demo-media/.
 * Everything is drawn here — no network, no fonts, no third-party artwork — so
 * the files are CC0 and the output is the same on every run.
 *
 *   npx tsx scripts/demo-images.ts            # (re)write data/demo-media/
 *   npx tsx scripts/demo-images.ts --crops    # also write the Discover crops of each cover,
 *                                             # with the focal point marked, to /tmp/demo-media-crops/
 *
 * Covers are 1920×1200: the 1:1 Discover rendition needs a source at least
 * 1200 px tall (a 1600×1000 cover gives only a 1000 px square).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { rng, type Random } from './bench/text-bank';
import { renderCrops } from './lib/crops';
import { demoContent } from '../src/seed/demo-content';
import { DEMO_MEDIA_DIR, type DemoMediaCredit, type DemoMediaCredits, type DemoMediaText } from '../src/seed/demo-media';
import type { FocalPoint } from '../src/lib/renditions';

const appRoot = path.resolve(__dirname, '..');
const COVER = { width: 1920, height: 1200 };
const AVATAR = { width: 400, height: 400 };
/** Covers are drawn on a 1600×1000 canvas and rendered at COVER size. */
const W = 1600;
const H = 1000;
const JPEG = { quality: 80, mozjpeg: true } as const;

const CREDIT: DemoMediaText = { ar: 'رسم توضيحي: خليجي 247 (مولَّد)', en: 'Illustration: Khaleeji 247 (generated)' };
const LICENCE = {
  name: 'CC0 1.0',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  note: 'Drawn from SVG by scripts/demo-images.ts; no third-party material.',
};

/* ------------------------------------------------------------------ */
/* SVG helpers                                                         */
/* ------------------------------------------------------------------ */

const r1 = (n: number) => Math.round(n * 10) / 10;

function svgDocument(size: { width: number; height: number }, viewBox: string, defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="${viewBox}">
<defs>${defs}</defs>${body}</svg>`;
}

/** A drawing and where its subject is: the focal point is taken from the same coordinates the subject is drawn at. */
interface Scene {
  svg: string;
  focal: FocalPoint;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Focal point of a cover from canvas coordinates. */
const focusAt = (x: number, y: number): FocalPoint => ({ x: round2(x / W), y: round2(y / H) });

const cover = (defs: string, body: string, focal: FocalPoint): Scene => ({ svg: svgDocument(COVER, `0 0 ${W} ${H}`, defs, body), focal });
const avatar = (defs: string, body: string): Scene => ({ svg: svgDocument(AVATAR, '0 0 400 400', defs, body), focal: { x: 0.5, y: 0.45 } });

/** Vertical linear gradient; stops as [offset 0..1, colour]. */
const vertical = (id: string, stops: [number, string][]) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops
    .map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;

const radial = (id: string, stops: [number, string, number?][], cx = 0.5, cy = 0.5, r = 0.5) =>
  `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops
    .map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`)
    .join('')}</radialGradient>`;

/** A real number in [min, max). */
const uniform = (random: Random, min: number, max: number) => min + random() * (max - min);

/* ------------------------------------------------------------------ */
/* Covers                                                              */
/* ------------------------------------------------------------------ */

/** Flags in front of a lit office building at dusk (NATO foreign ministers, Brussels). */
function natoBrussels(): Scene {
  const random = rng(1);
  const windows: string[] = [];
  // A long, low building with a stepped roof on the right two thirds.
  const blocks = [
    { x: 760, w: 260, top: 420 },
    { x: 1000, w: 240, top: 360 },
    { x: 1220, w: 240, top: 440 },
    { x: 1440, w: 160, top: 400 },
  ];
  for (const b of blocks) {
    for (let y = b.top + 30; y < 790; y += 44) {
      for (let x = b.x + 22; x < b.x + b.w - 30; x += 38) {
        const lit = random() < 0.35;
        windows.push(`<rect x="${x}" y="${y}" width="24" height="28" fill="${lit ? '#f6d58e' : '#36506b'}" opacity="${lit ? 0.9 : 0.7}"/>`);
      }
    }
  }
  const building = blocks.map((b) => `<rect x="${b.x}" y="${b.top}" width="${b.w}" height="${820 - b.top}" fill="#1d3349"/>`).join('');
  // Invented flags (no real country's), 96×60.
  const flagDesigns = [
    `<rect width="96" height="60" fill="#e9c46a"/><polygon points="0,60 96,0 96,60" fill="#2a9d8f"/>`,
    `<rect width="96" height="60" fill="#6d2e46"/><polygon points="0,0 40,30 0,60" fill="#f2cc8f"/><polygon points="0,12 24,30 0,48" fill="#6d2e46"/>`,
    `<rect width="96" height="60" fill="#f2e8cf"/><rect y="8" width="96" height="8" fill="#386641"/><rect y="44" width="96" height="8" fill="#386641"/><rect x="38" y="20" width="20" height="20" fill="#bc4749"/>`,
    `<rect width="96" height="60" fill="#f4f1de"/><path d="M 0 0 H 40 A 40 40 0 0 1 0 40 Z" fill="#22577a"/><path d="M 0 0 H 24 A 24 24 0 0 1 0 24 Z" fill="#f4f1de"/>`,
    `<rect width="96" height="60" fill="#e07a5f"/><rect width="26" height="60" fill="#3d405b"/><circle cx="62" cy="30" r="9" fill="#f4f1de"/>`,
    `<rect width="96" height="60" fill="#81b29a"/><polygon points="56,0 96,0 96,60 56,60 70,30" fill="#3d405b"/>`,
    `<rect width="96" height="60" fill="#5e548e"/><circle cx="48" cy="30" r="22" fill="none" stroke="#f7d6a0" stroke-width="6"/><circle cx="48" cy="30" r="7" fill="#f7d6a0"/>`,
  ];
  const poleX = (i: number) => 300 + i * 72;
  const flagTop = 400;
  const flags = flagDesigns
    .map((design, i) => {
      const x = poleX(i);
      const top = flagTop + (i % 2) * 18;
      return `<rect x="${x - 3}" y="${top}" width="6" height="${820 - top}" fill="#cfd8e3"/>
<circle cx="${x}" cy="${top - 4}" r="6" fill="#e0e7ef"/>
<g transform="translate(${x + 3} ${top + 8}) skewY(${i % 2 ? 4 : -4}) scale(0.62)">${design}</g>`;
    })
    .join('');
  const defs = vertical('sky', [
    [0, '#0e2238'],
    [0.55, '#2d5f7a'],
    [0.85, '#d89a6a'],
    [1, '#eab37a'],
  ]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="1330" cy="200" r="44" fill="#f6efdc" opacity="0.9"/>
${building}${windows.join('')}
<rect x="0" y="820" width="${W}" height="180" fill="#15222f"/>
<rect x="0" y="820" width="${W}" height="6" fill="#3a5670"/>
${[0, 1, 2, 3, 4].map((i) => `<rect x="${i * 360 - 40}" y="${870 + i * 22}" width="300" height="4" fill="#24384b"/>`).join('')}
${flags}`,
    // The middle of the row of flags.
    focusAt((poleX(0) + poleX(flagDesigns.length - 1)) / 2 + 30, flagTop + 40),
  );
}

/** A pumpjack against a desert sunset under a flat price line (OPEC+ holds output). */
function opecOutput(): Scene {
  const random = rng(2);
  const points = Array.from({ length: 17 }, (_, i) => [120 + i * 85, r1(250 + Math.sin(i * 0.9) * 14 + uniform(random, -10, 10))]);
  const line = points.map(([x, y]) => `${x},${y}`).join(' ');
  const dots = points.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="6" fill="#fff4e0"/>`).join('');
  // Pumpjack around (1150, 600): A-frame, walking beam, horse head, counterweight.
  const pumpjack = `<g fill="#2a1620" stroke="#2a1620" stroke-linejoin="round">
<polygon points="1120,760 1160,520 1200,760 1186,760 1160,600 1134,760" />
<g transform="rotate(-8 1160 520)">
<rect x="980" y="506" width="330" height="24" rx="6"/>
<path d="M 960 480 Q 1000 480 1004 520 Q 1000 570 960 590 L 950 590 L 950 480 Z"/>
<rect x="1290" y="520" width="60" height="90" rx="10"/>
</g>
<line x1="1318" y1="560" x2="1318" y2="700" stroke-width="10"/>
<circle cx="1318" cy="700" r="34"/>
<line x1="962" y1="592" x2="962" y2="770" stroke-width="5"/>
<rect x="935" y="760" width="60" height="20" rx="4"/>
<rect x="1060" y="760" width="340" height="22" rx="4"/>
</g>`;
  const defs =
    vertical('sky', [
      [0, '#2b1d3a'],
      [0.45, '#8e3b46'],
      [0.72, '#e0794a'],
      [0.85, '#f5b26b'],
    ]) + radial('sun', [[0, '#ffe8b0', 1], [0.55, '#ffd27f', 0.9], [1, '#ffb347', 0]]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="1180" cy="700" r="260" fill="url(#sun)"/>
<line x1="100" y1="252" x2="1500" y2="252" stroke="#fff4e0" stroke-width="2" stroke-dasharray="10 12" opacity="0.45"/>
<polyline points="${line}" fill="none" stroke="#fff4e0" stroke-width="5" stroke-linejoin="round" opacity="0.9"/>
${dots}
<path d="M0 760 Q 300 700 620 750 T 1200 740 T 1600 730 V 1000 H 0 Z" fill="#b86b3c"/>
${pumpjack}
<path d="M0 800 Q 380 760 760 820 T 1600 800 V 1000 H 0 Z" fill="#8c4a2c"/>
<path d="M0 880 Q 500 840 900 900 T 1600 880 V 1000 H 0 Z" fill="#5e2f22"/>`,
    focusAt(1160, 640),
  );
}

/** A rising candlestick chart with a marked breakout (Gulf stocks close higher). */
function gulfStocks(): Scene {
  const random = rng(3);
  const grid = [
    ...Array.from({ length: 15 }, (_, i) => `<line x1="${100 + i * 100}" y1="80" x2="${100 + i * 100}" y2="900" />`),
    ...Array.from({ length: 9 }, (_, i) => `<line x1="80" y1="${100 + i * 100}" x2="1520" y2="${100 + i * 100}" />`),
  ].join('');
  const candles: string[] = [];
  const closes: [number, number][] = [];
  let price = 760;
  for (let i = 0; i < 24; i++) {
    const x = 140 + i * 56;
    const drift = i < 14 ? -6 : -22;
    const open = price;
    const close = price + drift + uniform(random, -38, 30);
    const high = Math.min(open, close) - uniform(random, 10, 40);
    const low = Math.max(open, close) + uniform(random, 10, 40);
    const up = close < open;
    const colour = up ? '#2ec4b6' : '#ff6b6b';
    candles.push(
      `<line x1="${x}" y1="${r1(high)}" x2="${x}" y2="${r1(low)}" stroke="${colour}" stroke-width="4"/>` +
        `<rect x="${x - 16}" y="${r1(Math.min(open, close))}" width="32" height="${r1(Math.max(6, Math.abs(close - open)))}" rx="3" fill="${colour}"/>`,
    );
    closes.push([x, close]);
    price = close;
  }
  const average = closes.map(([x], i) => {
    const window = closes.slice(Math.max(0, i - 3), i + 1);
    return [x, r1(window.reduce((s, [, c]) => s + c, 0) / window.length)] as const;
  });
  const avgLine = average.map(([x, y]) => `${x},${y}`).join(' ');
  const [bx, by] = closes[15];
  const defs =
    vertical('bg', [
      [0, '#0b1a2b'],
      [1, '#142f47'],
    ]) +
    vertical('area', [
      [0, '#f4d58d'],
      [1, '#142f47'],
    ]) +
    radial('glow', [[0, '#f4d58d', 0.55], [1, '#f4d58d', 0]]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
<g stroke="#ffffff" stroke-opacity="0.06" stroke-width="2">${grid}</g>
<polygon points="${average[0][0]},900 ${avgLine} ${average[average.length - 1][0]},900" fill="url(#area)" opacity="0.18"/>
${candles.join('')}
<polyline points="${avgLine}" fill="none" stroke="#f4d58d" stroke-width="5" stroke-linejoin="round"/>
<circle cx="${bx}" cy="${r1(by)}" r="110" fill="url(#glow)"/>
<circle cx="${bx}" cy="${r1(by)}" r="22" fill="none" stroke="#f4d58d" stroke-width="5"/>
<circle cx="${bx}" cy="${r1(by)}" r="8" fill="#f4d58d"/>
<rect x="80" y="900" width="1440" height="4" fill="#2c4a66"/>`,
    focusAt(bx, by),
  );
}

/** A football pitch from above, players closing in on the ball (Gulf Cup). */
function gulfCup(): Scene {
  const stripes = Array.from({ length: 16 }, (_, i) => `<rect x="${i * 100}" y="0" width="100" height="${H}" fill="${i % 2 ? '#2f8a4c' : '#34965a'}"/>`).join('');
  const lines = `<g fill="none" stroke="#eef6ee" stroke-width="6" opacity="0.9">
<rect x="60" y="60" width="1480" height="880"/>
<line x1="800" y1="60" x2="800" y2="940"/>
<circle cx="800" cy="500" r="130"/>
<rect x="60" y="250" width="230" height="500"/><rect x="60" y="380" width="80" height="240"/>
<rect x="1310" y="250" width="230" height="500"/><rect x="1460" y="380" width="80" height="240"/>
<path d="M 290 410 A 130 130 0 0 1 290 590"/><path d="M 1310 410 A 130 130 0 0 0 1310 590"/>
<path d="M 60 90 A 30 30 0 0 0 90 60"/><path d="M 1510 60 A 30 30 0 0 0 1540 90"/>
<path d="M 90 940 A 30 30 0 0 0 60 910"/><path d="M 1540 910 A 30 30 0 0 0 1510 940"/>
</g>
<circle cx="800" cy="500" r="8" fill="#eef6ee"/><circle cx="215" cy="500" r="7" fill="#eef6ee"/><circle cx="1385" cy="500" r="7" fill="#eef6ee"/>
<rect x="30" y="440" width="30" height="120" fill="none" stroke="#eef6ee" stroke-width="5"/>
<rect x="1540" y="440" width="30" height="120" fill="none" stroke="#eef6ee" stroke-width="5"/>`;
  const ball = { x: 1050, y: 420 };
  /** A player seen from above, turned towards the ball: feet in stride, shoulders, head. */
  const player = (x: number, y: number, shirt: string, hair: string) => {
    const angle = r1((Math.atan2(ball.y - y, ball.x - x) * 180) / Math.PI);
    const body = (fill: string, head: string) =>
      `<ellipse cx="22" cy="-12" rx="11" ry="7" fill="#1b1b1b"/><ellipse cx="-16" cy="12" rx="11" ry="7" fill="#1b1b1b"/>` +
      `<rect x="-12" y="-32" width="24" height="64" rx="12" fill="${fill}"/><circle cx="3" cy="0" r="14" fill="${head}"/>`;
    return `<g transform="translate(${x + 8} ${y + 10}) rotate(${angle})" opacity="0.35">${body('#123d22', '#123d22').replace(/#1b1b1b/g, '#123d22')}</g>` +
      `<g transform="translate(${x} ${y}) rotate(${angle})">${body(shirt, hair)}</g>`;
  };
  const players = [
    player(980, 360, '#f4f1de', '#3d2b1f'),
    player(1120, 470, '#f4f1de', '#3d2b1f'),
    player(1000, 520, '#c1121f', '#2b1a12'),
    player(1140, 340, '#c1121f', '#2b1a12'),
    player(860, 300, '#f4f1de', '#3d2b1f'),
    player(1250, 560, '#c1121f', '#2b1a12'),
    player(600, 700, '#f4f1de', '#3d2b1f'),
    player(1390, 430, '#e9c46a', '#2b1a12'),
  ].join('');
  // A ball of five-sided patches: a centre pentagon and five around it.
  const pentagon = (cx: number, cy: number, r: number, turn: number) =>
    `<polygon points="${Array.from({ length: 5 }, (_, k) => {
      const a = turn + (k * 2 * Math.PI) / 5 - Math.PI / 2;
      return `${r1(cx + r * Math.cos(a))},${r1(cy + r * Math.sin(a))}`;
    }).join(' ')}" fill="#1b1b1b"/>`;
  const patches = [pentagon(ball.x, ball.y, 11, 0), ...Array.from({ length: 5 }, (_, k) => {
    const a = (k * 2 * Math.PI) / 5 - Math.PI / 2 + Math.PI / 5;
    return pentagon(ball.x + 27 * Math.cos(a), ball.y + 27 * Math.sin(a), 8, a);
  })].join('');
  return cover(
    '',
    `${stripes}${lines}${players}
<ellipse cx="${ball.x + 12}" cy="${ball.y + 16}" rx="36" ry="28" fill="#1d5e34" opacity="0.55"/>
<circle cx="${ball.x}" cy="${ball.y}" r="34" fill="#fafafa" stroke="#1b1b1b" stroke-width="2"/>
<clipPath id="ball"><circle cx="${ball.x}" cy="${ball.y}" r="33"/></clipPath><g clip-path="url(#ball)">${patches}</g>`,
    focusAt(ball.x, ball.y),
  );
}

/** A glowing chip wired into a network of nodes (Gulf AI and data-centre investment). */
function aiInvestment(): Scene {
  const random = rng(5);
  const chip = { x: 672, y: 460, size: 230 };
  const nodes: [number, number][] = [];
  while (nodes.length < 70) {
    const x = uniform(random, 40, W - 40);
    const y = uniform(random, 40, H - 40);
    if (Math.hypot(x - chip.x, y - chip.y) < 230) continue;
    nodes.push([r1(x), r1(y)]);
  }
  const edges: string[] = [];
  nodes.forEach(([x1, y1], i) =>
    nodes.slice(i + 1).forEach(([x2, y2]) => {
      if (Math.hypot(x2 - x1, y2 - y1) < 210) edges.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`);
    }),
  );
  const near = nodes
    .map((n) => ({ n, d: Math.hypot(n[0] - chip.x, n[1] - chip.y) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 12)
    .map(({ n }) => n);
  const half = chip.size / 2;
  // Traces leave the chip's nearest side, then turn once (circuit-board style).
  const traces = near
    .map(([x, y]) => {
      const horizontal = Math.abs(x - chip.x) > Math.abs(y - chip.y);
      const sx = horizontal ? chip.x + Math.sign(x - chip.x) * half : r1(Math.min(chip.x + half - 20, Math.max(chip.x - half + 20, x)));
      const sy = horizontal ? r1(Math.min(chip.y + half - 20, Math.max(chip.y - half + 20, y))) : chip.y + Math.sign(y - chip.y) * half;
      const corner = horizontal ? `${x},${sy}` : `${sx},${y}`;
      return `<polyline points="${sx},${sy} ${corner} ${x},${y}"/>`;
    })
    .join('');
  const pins = Array.from({ length: 7 }, (_, k) => {
    const o = -half + 30 + k * ((chip.size - 60) / 6);
    return [
      `<rect x="${chip.x + o - 5}" y="${chip.y - half - 22}" width="10" height="22"/>`,
      `<rect x="${chip.x + o - 5}" y="${chip.y + half}" width="10" height="22"/>`,
      `<rect x="${chip.x - half - 22}" y="${chip.y + o - 5}" width="22" height="10"/>`,
      `<rect x="${chip.x + half}" y="${chip.y + o - 5}" width="22" height="10"/>`,
    ].join('');
  }).join('');
  const defs =
    radial('bg', [[0, '#133b5c'], [1, '#050f1c']], 0.42, 0.46, 0.75) + radial('glow', [[0, '#2ee6c9', 0.5], [1, '#2ee6c9', 0]]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
<g stroke="#5fd3c6" stroke-opacity="0.22" stroke-width="2">${edges.join('')}</g>
<circle cx="${chip.x}" cy="${chip.y}" r="330" fill="url(#glow)"/>
<g fill="none" stroke="#7ef2dd" stroke-width="4" stroke-opacity="0.8" stroke-linejoin="round">${traces}</g>
${nodes.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${4 + (i % 4) * 2}" fill="#a8f5e8" opacity="${near.includes(nodes[i]) ? 1 : 0.7}"/>`).join('')}
<g fill="#9fb8c8">${pins}</g>
<rect x="${chip.x - half}" y="${chip.y - half}" width="${chip.size}" height="${chip.size}" rx="22" fill="#0d4f5c"/>
<rect x="${chip.x - half + 34}" y="${chip.y - half + 34}" width="${chip.size - 68}" height="${chip.size - 68}" rx="12" fill="#14b8a6"/>
<g stroke="#0d4f5c" stroke-width="6" fill="none">
<path d="M ${chip.x - 50} ${chip.y - 30} h 40 v 60 h 60"/><path d="M ${chip.x + 50} ${chip.y - 50} v 40 h -50"/><circle cx="${chip.x + 40}" cy="${chip.y + 40}" r="14"/>
</g>`,
    focusAt(chip.x, chip.y),
  );
}

/** Storm clouds, a lightning strike and rain over a low city skyline (thunderstorm warning). */
function thunderstorms(): Scene {
  const random = rng(6);
  const rain = Array.from({ length: 170 }, () => {
    const x = uniform(random, -100, W);
    const y = uniform(random, 240, 900);
    const len = uniform(random, 30, 70);
    return `<line x1="${r1(x)}" y1="${r1(y)}" x2="${r1(x - len * 0.35)}" y2="${r1(y + len)}"/>`;
  }).join('');
  const cloud = (cx: number, cy: number, s: number, fill: string) =>
    `<g fill="${fill}">${[
      [-1.6, 0.25, 0.9],
      [-0.8, -0.2, 1.15],
      [0.2, -0.45, 1.35],
      [1.2, -0.1, 1.05],
      [1.9, 0.3, 0.8],
    ]
      .map(([dx, dy, r]) => `<circle cx="${r1(cx + dx * s)}" cy="${r1(cy + dy * s)}" r="${r1(r * s)}"/>`)
      .join('')}<rect x="${r1(cx - 1.6 * s)}" y="${r1(cy)}" width="${r1(3.5 * s)}" height="${r1(s * 1.1)}" rx="${r1(s * 0.5)}"/></g>`;
  // The bolt runs from the cloud at (400, 250) down to the mast of the tower at x = 300.
  const strike = { x: 300, y: 700 };
  const towers: string[] = [
    `<rect x="${strike.x - 40}" y="${strike.y + 40}" width="80" height="${960 - strike.y}"/>`,
    `<rect x="${strike.x - 4}" y="${strike.y}" width="8" height="44"/>`,
  ];
  let x = 0;
  while (x < W) {
    const w = uniform(random, 50, 130);
    const h = uniform(random, 40, 170);
    if (x + w < strike.x - 44 || x > strike.x + 44) {
      towers.push(`<rect x="${r1(x)}" y="${r1(960 - h)}" width="${r1(w)}" height="${r1(h)}"/>`);
      if (random() < 0.3) towers.push(`<polygon points="${r1(x)},${r1(960 - h)} ${r1(x + w / 2)},${r1(960 - h - w * 0.6)} ${r1(x + w)},${r1(960 - h)}"/>`);
    }
    x += w + uniform(random, 0, 14);
  }
  const lit = Array.from({ length: 40 }, () => {
    const wx = uniform(random, 0, W);
    const wy = uniform(random, 850, 950);
    return `<rect x="${r1(wx)}" y="${r1(wy)}" width="10" height="14"/>`;
  }).join('');
  const defs =
    vertical('sky', [
      [0, '#141a26'],
      [0.5, '#2f3c50'],
      [1, '#56677c'],
    ]) + radial('flash', [[0, '#fff7cc', 0.6], [0.4, '#c9d6ff', 0.25], [1, '#c9d6ff', 0]]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="380" cy="480" r="420" fill="url(#flash)"/>
${cloud(1150, 230, 150, '#283245')}${cloud(700, 170, 130, '#222b3b')}
<g stroke="#a9bdd2" stroke-opacity="0.35" stroke-width="3" stroke-linecap="round">${rain}</g>
<polygon points="400,250 345,460 398,452 318,640 ${strike.x},${strike.y} 430,520 372,528 455,300" fill="#fff6c4"/>
<polygon points="345,585 262,640 330,612" fill="#fff6c4" opacity="0.8"/>
${cloud(320, 210, 150, '#1c2432')}${cloud(1500, 300, 110, '#1f2838')}
<g fill="#111722">${towers.join('')}</g>
<g fill="#f2d48a" opacity="0.5">${lit}</g>
<rect x="0" y="960" width="${W}" height="40" fill="#0b0f17"/>`,
    focusAt(380, 480),
  );
}

/** A round table seen from above with six seats, on a sea-blue ground (GCC ministerial council). */
function gccMinisterial(): Scene {
  const cx = 800;
  const cy = 500;
  const waves = Array.from({ length: 12 }, (_, i) => {
    const y = 40 + i * 84;
    return `<path d="M -20 ${y} q 50 -18 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0 t 100 0"/>`;
  }).join('');
  /** Six places (one per member state), each drawn at 3 o'clock and rotated about the table's centre. */
  const places = (draw: (k: number) => string) =>
    Array.from({ length: 6 }, (_, k) => `<g transform="rotate(${(k * 360) / 6 - 90} ${cx} ${cy})">${draw(k)}</g>`).join('');
  const chairs = places(
    () => `<rect x="${cx + 318}" y="${cy - 48}" width="78" height="96" rx="24" fill="#8d99ae"/>
<rect x="${cx + 380}" y="${cy - 44}" width="22" height="88" rx="10" fill="#6b7789"/>`,
  );
  const onTable = places(
    (k) => `<rect x="${cx + 210}" y="${cy - 34}" width="54" height="68" rx="3" fill="#f8f4ea" transform="rotate(${k % 2 ? 6 : -5} ${cx + 237} ${cy})"/>
${[-18, -4, 10].map((dy, i) => `<line x1="${cx + 220}" y1="${cy + dy}" x2="${cx + (i === 2 ? 244 : 254)}" y2="${cy + dy}" stroke="#b8b2a4" stroke-width="3"/>`).join('')}
<line x1="${cx + 282}" y1="${cy - 40}" x2="${cx + 232}" y2="${cy - 52}" stroke="#2b2d42" stroke-width="5" stroke-linecap="round"/>
<circle cx="${cx + 232}" cy="${cy - 52}" r="7" fill="#2b2d42"/>
<circle cx="${cx + 272}" cy="${cy + 50}" r="11" fill="#cfe8f3" stroke="#9cc3d5" stroke-width="3"/>`,
  );
  const defs = radial('wood', [[0, '#d9b77e'], [0.85, '#c59b5f'], [1, '#a97f47']]);
  return cover(
    defs,
    `<rect width="${W}" height="${H}" fill="#0b2545"/>
<g fill="none" stroke="#173a63" stroke-width="5">${waves}</g>
<circle cx="${cx + 10}" cy="${cy + 14}" r="312" fill="#06162b" opacity="0.5"/>
${chairs}
<circle cx="${cx}" cy="${cy}" r="300" fill="url(#wood)"/>
<circle cx="${cx}" cy="${cy}" r="175" fill="#0f3057"/>
<circle cx="${cx}" cy="${cy}" r="175" fill="none" stroke="#8a6535" stroke-width="8"/>
<g fill="none" stroke="#2f6f9f" stroke-width="5">
<path d="M ${cx - 120} ${cy + 10} q 30 -14 60 0 t 60 0 t 60 0 t 60 0"/>
<path d="M ${cx - 100} ${cy + 50} q 25 -12 50 0 t 50 0 t 50 0 t 50 0"/>
</g>
<path d="M ${cx - 70} ${cy - 10} L ${cx + 80} ${cy - 10} L ${cx + 55} ${cy + 12} L ${cx - 50} ${cy + 12} Z" fill="#e9c46a"/>
<path d="M ${cx - 5} ${cy - 16} L ${cx - 5} ${cy - 120} L ${cx + 60} ${cy - 30} Z" fill="#f4f1de"/>
<path d="M ${cx - 12} ${cy - 16} L ${cx - 12} ${cy - 100} L ${cx - 60} ${cy - 28} Z" fill="#dfe7ea"/>
${onTable}`,
    focusAt(cx, cy),
  );
}

/** Runners on a seaside promenade at dawn, palms and sea behind (corniche marathon). */
function cornicheMarathon(): Scene {
  const random = rng(8);
  const waves = Array.from({ length: 26 }, () => {
    const x = uniform(random, 0, W - 120);
    const y = uniform(random, 330, 600);
    const w = uniform(random, 40, 120);
    return `<path d="M ${r1(x)} ${r1(y)} q ${r1(w / 4)} -8 ${r1(w / 2)} 0 t ${r1(w / 2)} 0"/>`;
  }).join('');
  const palm = (x: number, base: number, h: number, lean: number) => {
    const topX = x + lean;
    const topY = base - h;
    const fronds = [-150, -115, -70, -30, 10, 45, 200, 165]
      .map((deg) => {
        const a = (deg * Math.PI) / 180;
        const ex = topX + Math.cos(a) * 120;
        const ey = topY + Math.sin(a) * 70 + 40;
        const mx = topX + Math.cos(a) * 60;
        const my = topY + Math.sin(a) * 60 - 18;
        return `<path d="M ${topX} ${topY} Q ${r1(mx)} ${r1(my)} ${r1(ex)} ${r1(ey)}" stroke-width="20"/>`;
      })
      .join('');
    return `<path d="M ${x} ${base} Q ${x + lean * 0.2} ${base - h * 0.5} ${topX} ${topY}" stroke="#5b3a29" stroke-width="18" fill="none"/>
<g stroke="#2d6a4f" fill="none" stroke-linecap="round">${fronds}</g>`;
  };
  /** A runner in stride: legs, torso, arms and head as round-capped strokes, with a race bib. */
  const runner = (x: number, y: number, s: number, shirt: string, skin: string, phase: number) => {
    const leg = phase ? [[-26, 44], [20, 40]] : [[22, 46], [-18, 38]];
    return `<g transform="translate(${x} ${y}) scale(${s})" stroke-linecap="round" stroke-linejoin="round" fill="none">
<path d="M 0 0 L ${leg[0][0] * 0.6} 22 L ${leg[0][0]} ${leg[0][1]}" stroke="#1f2a44" stroke-width="11"/>
<path d="M 0 0 L ${leg[1][0] * 0.5} 24 L ${leg[1][0]} ${leg[1][1]}" stroke="#1f2a44" stroke-width="11"/>
<path d="M 4 -52 L 0 0" stroke="${shirt}" stroke-width="20"/>
<path d="M 4 -44 L ${phase ? 22 : -18} -26 L ${phase ? 14 : -6} -10" stroke="${skin}" stroke-width="8"/>
<path d="M 4 -44 L ${phase ? -20 : 20} -30 L ${phase ? -30 : 30} -42" stroke="${skin}" stroke-width="8"/>
<circle cx="0" cy="-70" r="13" fill="${skin}" stroke="none"/>
<rect x="-8" y="-40" width="22" height="14" fill="#ffffff" stroke="none"/>
</g>`;
  };
  const shirts = ['#e63946', '#f4a261', '#2a9d8f', '#e9c46a', '#457b9d', '#ff006e', '#8338ec', '#fb8500', '#06d6a0'];
  const skins = ['#8d5524', '#c68642', '#e0ac69', '#a0522d', '#f1c27d'];
  const runners: string[] = [];
  const group = { x: 1120, y: 760 };
  for (let i = 0; i < 9; i++) {
    const row = i % 3;
    const x = group.x - 150 + (i % 5) * 78 + row * 30 + uniform(random, -10, 10);
    const y = group.y - 60 + row * 62;
    runners.push(runner(r1(x), y, 1.3 + row * 0.15, shirts[i], skins[i % skins.length], i % 2));
  }
  const defs =
    vertical('sky', [
      [0, '#a9d2f0'],
      [0.6, '#f6dcc0'],
      [1, '#fbc99d'],
    ]) +
    vertical('sea', [
      [0, '#4e9bbf'],
      [1, '#1f6a8f'],
    ]);
  return cover(
    defs,
    `<rect width="${W}" height="330" fill="url(#sky)"/>
<circle cx="260" cy="250" r="70" fill="#fff1d6" opacity="0.8"/>
<g fill="#8aa7bd">${[
      [1120, 250, 30, 80],
      [1160, 200, 24, 130],
      [1190, 270, 40, 60],
      [1240, 230, 26, 100],
      [1275, 150, 18, 180],
      [1300, 260, 50, 70],
      [1360, 240, 30, 90],
    ]
      .map(([x, y, w, h]) => `<rect x="${x}" y="${y}" width="${w}" height="${330 - y}"/>`)
      .join('')}<polygon points="1284,90 1278,150 1290,150" /></g>
<rect y="330" width="${W}" height="290" fill="url(#sea)"/>
<g fill="none" stroke="#d7eef8" stroke-opacity="0.55" stroke-width="4" stroke-linecap="round">${waves}</g>
<path d="M 0 610 Q 800 570 1600 600 V 680 H 0 Z" fill="#ecd9a8"/>
<path d="M 0 650 Q 800 600 1600 640 V 1000 H 0 Z" fill="#d7c4a3"/>
<path d="M 0 650 Q 800 600 1600 640" stroke="#b5a181" stroke-width="10" fill="none"/>
<path d="M 0 820 Q 800 780 1600 830" stroke="#ffffff" stroke-width="6" stroke-dasharray="40 30" fill="none" opacity="0.7"/>
${palm(180, 700, 360, 40)}${palm(420, 690, 300, -30)}${palm(1520, 700, 340, -40)}
${runners.join('')}`,
    focusAt(group.x, group.y - 40),
  );
}

/* ------------------------------------------------------------------ */
/* Avatars                                                             */
/* ------------------------------------------------------------------ */

interface AvatarStyle {
  background: string;
  pattern: string;
  figure: string;
  /** The fold of the head covering around the face, a shade darker than `figure`. */
  fold: string;
  face: string;
  /** Head covering, drawn over the head and shoulders. */
  headwear: 'shayla' | 'ghutra';
}

/** Eight-pointed stars (two overlapping squares) in a grid. */
const starPattern = (colour: string) =>
  `<pattern id="p" width="80" height="80" patternUnits="userSpaceOnUse">
<g fill="none" stroke="${colour}" stroke-width="3"><rect x="22" y="22" width="36" height="36"/><rect x="22" y="22" width="36" height="36" transform="rotate(45 40 40)"/></g></pattern>`;
const stripePattern = (colour: string) =>
  `<pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(35)"><rect width="14" height="40" fill="${colour}"/></pattern>`;
const dotPattern = (colour: string) =>
  `<pattern id="p" width="36" height="36" patternUnits="userSpaceOnUse"><circle cx="18" cy="18" r="6" fill="${colour}"/></pattern>`;
const arcPattern = (colour: string) =>
  `<pattern id="p" width="60" height="30" patternUnits="userSpaceOnUse"><path d="M 0 30 A 30 30 0 0 1 60 30 M 15 30 A 15 15 0 0 1 45 30" fill="none" stroke="${colour}" stroke-width="3"/></pattern>`;

function portrait(style: AvatarStyle): Scene {
  const headwear =
    style.headwear === 'shayla'
      ? // A scarf framing the face and falling over the shoulders.
        `<path d="M 200 78 C 130 78 108 140 112 196 C 114 236 96 262 62 300 L 60 400 L 340 400 L 338 300 C 304 262 286 236 288 196 C 292 140 270 78 200 78 Z" fill="${style.figure}"/>
<ellipse cx="200" cy="190" rx="60" ry="70" fill="${style.fold}"/>
<ellipse cx="200" cy="192" rx="52" ry="62" fill="${style.face}"/>`
      : // A robe, the neck, then a head cloth falling to the shoulders, held by a dark double cord.
        `<path d="M 60 400 C 62 320 110 282 200 276 C 290 282 338 320 340 400 Z" fill="#f7f7f2"/>
<rect x="176" y="230" width="48" height="70" rx="10" fill="${style.face}"/>
<path d="M 200 84 C 128 84 110 140 112 200 C 114 250 100 290 92 330 L 150 300 L 200 260 L 250 300 L 308 330 C 300 290 286 250 288 200 C 290 140 272 84 200 84 Z" fill="${style.figure}"/>
<ellipse cx="200" cy="196" rx="58" ry="66" fill="${style.fold}"/>
<ellipse cx="200" cy="198" rx="50" ry="60" fill="${style.face}"/>
<path d="M 126 124 C 160 102 240 102 274 124" stroke="#1b1b1b" stroke-width="9" fill="none" stroke-linecap="round"/>
<path d="M 130 138 C 164 116 236 116 270 138" stroke="#1b1b1b" stroke-width="7" fill="none" stroke-linecap="round"/>`;
  return avatar(style.pattern, `<rect width="400" height="400" fill="${style.background}"/>\n<rect width="400" height="400" fill="url(#p)"/>\n${headwear}`);
}

/* ------------------------------------------------------------------ */
/* Catalogue                                                           */
/* ------------------------------------------------------------------ */

interface DemoImage {
  file: string;
  draw: () => Scene;
  credit: Omit<DemoMediaCredit, 'width' | 'height' | 'credit' | 'licence' | 'focalPoint'>;
}

const article = (key: string) => ({ type: 'article' as const, key });

/** An author's avatar; the caption takes the name from the demo content ("لـ" keeps any name intact). */
function avatarImage(key: string, style: AvatarStyle, alt: DemoMediaText): DemoImage {
  const person = demoContent.authors.find((a) => a.key === key);
  if (!person) throw new Error(`no demo author "${key}"`);
  return {
    file: `avatar-${key}.jpg`,
    draw: () => portrait(style),
    credit: {
      for: { type: 'author', key },
      caption: { ar: `صورة رمزية لـ${person.ar.name}.`, en: `Avatar of ${person.en.name}.` },
      alt,
    },
  };
}

const IMAGES: DemoImage[] = [
  {
    file: 'nato-brussels.jpg',
    draw: natoBrussels,
    credit: {
      for: article('nato-brussels'),
      caption: {
        ar: 'أعلام أمام مبنى مكاتب في بروكسل عند الغروب، حيث يجتمع وزراء خارجية حلف شمال الأطلسي.',
        en: 'Flags outside an office building in Brussels at dusk, where NATO foreign ministers are meeting.',
      },
      alt: {
        ar: 'رسم هندسي لصف من سبعة أعلام ملوّنة على ساريات أمام واجهة مبنى بنوافذ مضاءة وسماء برتقالية.',
        en: 'Geometric illustration of seven coloured flags on poles in front of a building with lit windows under an orange sky.',
      },
    },
  },
  {
    file: 'opec-plus-output.jpg',
    draw: opecOutput,
    credit: {
      for: article('opec-plus-output'),
      caption: {
        ar: 'مضخة نفط في الصحراء عند الغروب، وفوقها خط أسعار شبه مستقر.',
        en: 'An oil pump in the desert at sunset beneath a nearly flat price line.',
      },
      alt: {
        ar: 'رسم لمضخة نفط داكنة أمام شمس غاربة وكثبان رملية، يعلوها خط بياني أفقي بنقاط بيضاء.',
        en: 'Illustration of a dark oil pumpjack against a setting sun and sand dunes, under a horizontal line chart with white dots.',
      },
    },
  },
  {
    file: 'gulf-stocks.jpg',
    draw: gulfStocks,
    credit: {
      for: article('gulf-stocks'),
      caption: {
        ar: 'رسم بياني بالشموع اليابانية لمؤشر صاعد، في إشارة إلى إغلاق الأسهم الخليجية على ارتفاع.',
        en: 'A candlestick chart of a rising index, standing for Gulf stocks closing higher.',
      },
      alt: {
        ar: 'شموع خضراء وحمراء تصعد من اليسار إلى اليمين على خلفية زرقاء داكنة، مع خط متوسط ذهبي ودائرة تبرز نقطة الاختراق.',
        en: 'Green and red candles climbing from left to right on a dark blue background, with a golden average line and a circle marking the breakout.',
      },
    },
  },
  {
    file: 'gulf-cup-preparations.jpg',
    draw: gulfCup,
    credit: {
      for: article('gulf-cup-preparations'),
      caption: {
        ar: 'ملعب كرة قدم من الأعلى، ولاعبون يتنافسون على الكرة قرب دائرة المنتصف.',
        en: 'A football pitch from above, with players contesting the ball near the centre circle.',
      },
      alt: {
        ar: 'رسم علوي لملعب أخضر مخطط بخطوط بيضاء، ولاعبون بقمصان بيضاء وحمراء يحيطون بالكرة يمين دائرة المنتصف.',
        en: 'Top-down illustration of a striped green pitch with white markings; players in white and red shirts surround the ball right of the centre circle.',
      },
    },
  },
  {
    file: 'ai-gulf-investment.jpg',
    draw: aiInvestment,
    credit: {
      for: article('ai-gulf-investment'),
      caption: {
        ar: 'شريحة حاسوبية متصلة بشبكة من العُقد، رمزاً للاستثمار في الذكاء الاصطناعي ومراكز البيانات.',
        en: 'A computer chip wired into a network of nodes, standing for investment in AI and data centres.',
      },
      alt: {
        ar: 'شريحة مربعة خضراء مضيئة تخرج منها مسارات إلى نقاط متصلة بخطوط رفيعة على خلفية زرقاء داكنة.',
        en: 'A glowing green square chip with traces running to points joined by thin lines on a dark blue background.',
      },
    },
  },
  {
    file: 'weather-thunderstorms.jpg',
    draw: thunderstorms,
    credit: {
      for: article('weather-thunderstorms'),
      caption: {
        ar: 'برق وأمطار غزيرة فوق أفق المدينة مع اقتراب عاصفة رعدية.',
        en: 'Lightning and heavy rain over the city skyline as a thunderstorm moves in.',
      },
      alt: {
        ar: 'رسم لسحب داكنة يخرج منها برق أصفر في الجهة اليسرى، وخطوط مطر مائلة فوق مبانٍ سوداء.',
        en: 'Illustration of dark clouds with a yellow lightning bolt on the left and slanting rain over black buildings.',
      },
    },
  },
  {
    file: 'gcc-ministerial.jpg',
    draw: gccMinisterial,
    credit: {
      for: article('gcc-ministerial'),
      caption: {
        ar: 'طاولة اجتماعات مستديرة بستة مقاعد، في إشارة إلى اجتماع المجلس الوزاري لدول مجلس التعاون.',
        en: 'A round meeting table with six seats, standing for the GCC ministerial council.',
      },
      alt: {
        ar: 'منظر علوي لطاولة خشبية دائرية حولها ستة مقاعد وأمام كل مقعد أوراق وميكروفون، وفي وسطها سفينة شراعية على أمواج.',
        en: 'Top-down view of a round wooden table with six chairs, papers and a microphone at each seat, and a sailing boat on waves in its centre.',
      },
    },
  },
  {
    file: 'corniche-marathon.jpg',
    draw: cornicheMarathon,
    credit: {
      for: article('corniche-marathon'),
      caption: {
        ar: 'عدّاؤون على الكورنيش صباحاً، والبحر وأشجار النخيل خلفهم.',
        en: 'Runners on the corniche in the morning, with the sea and palm trees behind them.',
      },
      alt: {
        ar: 'رسم لمجموعة عدّائين بقمصان ملوّنة على ممشى بحري، مع بحر أزرق وأبراج بعيدة ونخيل.',
        en: 'Illustration of a group of runners in colourful shirts on a seaside promenade, with blue sea, distant towers and palm trees.',
      },
    },
  },
  avatarImage('reem-alhashimi', { background: '#1d5c63', pattern: starPattern('#2a7a82'), figure: '#e9d8c4', fold: '#d6c2aa', face: '#c89f7a', headwear: 'shayla' }, {
    ar: 'صورة ظلية مجرّدة لامرأة بوشاح فاتح على خلفية خضراء مزخرفة بنجوم ثمانية.',
    en: 'Abstract silhouette of a woman in a light headscarf on a green background with eight-pointed stars.',
  }),
  avatarImage('khalid-almarri', { background: '#22313f', pattern: stripePattern('#2c4052'), figure: '#f4f1ea', fold: '#dedad0', face: '#b98558', headwear: 'ghutra' }, {
    ar: 'صورة ظلية مجرّدة لرجل بغترة بيضاء وعقال أسود على خلفية زرقاء داكنة مخططة.',
    en: 'Abstract silhouette of a man in a white ghutra and black agal on a dark blue striped background.',
  }),
  avatarImage('sultan-alkaabi', { background: '#9c3d2e', pattern: dotPattern('#b14c3b'), figure: '#f7f3ee', fold: '#e2dcd3', face: '#a8734a', headwear: 'ghutra' }, {
    ar: 'صورة ظلية مجرّدة لرجل بغترة بيضاء وعقال أسود على خلفية حمراء منقّطة.',
    en: 'Abstract silhouette of a man in a white ghutra and black agal on a red dotted background.',
  }),
  avatarImage('noura-alsuwaidi', { background: '#4b3f72', pattern: arcPattern('#5d5189'), figure: '#2b2b3a', fold: '#1d1d29', face: '#d4a373', headwear: 'shayla' }, {
    ar: 'صورة ظلية مجرّدة لامرأة بوشاح داكن على خلفية بنفسجية بأقواس متكررة.',
    en: 'Abstract silhouette of a woman in a dark headscarf on a purple background with repeating arcs.',
  }),
  // faisal-alajmi has no avatar on purpose: the demo keeps one author without an image.
];

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

/** A red cross-hair at the focal point, so crops can be checked by eye. */
async function markFocal(jpeg: Buffer, focal: FocalPoint): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(jpeg).metadata();
  const x = Math.round(focal.x * width);
  const y = Math.round(focal.y * height);
  const mark = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<g stroke="#ff1744" stroke-width="6" fill="none"><circle cx="${x}" cy="${y}" r="40"/><line x1="${x - 70}" y1="${y}" x2="${x + 70}" y2="${y}"/><line x1="${x}" y1="${y - 70}" x2="${x}" y2="${y + 70}"/></g></svg>`;
  return sharp(jpeg).composite([{ input: Buffer.from(mark) }]).jpeg(JPEG).toBuffer();
}

async function main(): Promise<void> {
  const cropsDir = process.argv.includes('--crops') ? '/tmp/demo-media-crops' : undefined;
  const outDir = path.join(appRoot, DEMO_MEDIA_DIR);
  await fs.mkdir(outDir, { recursive: true });
  if (cropsDir) await fs.mkdir(cropsDir, { recursive: true });

  const files: DemoMediaCredits['files'] = {};
  let total = 0;
  for (const image of IMAGES) {
    const scene = image.draw();
    const jpeg = await sharp(Buffer.from(scene.svg)).jpeg(JPEG).toBuffer();
    const { width = 0, height = 0 } = await sharp(jpeg).metadata();
    await fs.writeFile(path.join(outDir, image.file), jpeg);
    total += jpeg.length;
    const { for: subject, caption, alt } = image.credit;
    files[image.file] = { for: subject, width, height, caption, alt, credit: CREDIT, licence: LICENCE, focalPoint: scene.focal };
    console.log(`${image.file}\t${width}×${height}\t${jpeg.length} bytes`);

    if (cropsDir && image.credit.for.type === 'article') {
      const marked = await markFocal(jpeg, scene.focal);
      for (const { plan, jpeg: crop } of await renderCrops(marked, scene.focal)) {
        const name = `${path.parse(image.file).name}-${plan.name}.jpg`;
        await fs.writeFile(path.join(cropsDir, name), crop);
        console.log(`  ${name}\tcrop ${plan.crop.width}×${plan.crop.height}+${plan.crop.left}+${plan.crop.top} → ${plan.output.width}×${plan.output.height}`);
      }
    }
  }
  const credits: DemoMediaCredits = {
    $comment: 'Generated by scripts/demo-images.ts (npx tsx scripts/demo-images.ts); edit the script, not this file.',
    files,
  };
  await fs.writeFile(path.join(outDir, 'credits.json'), `${JSON.stringify(credits, null, 2)}\n`);
  console.log(`${IMAGES.length} images, ${total} bytes${cropsDir ? `; crops in ${cropsDir}` : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
