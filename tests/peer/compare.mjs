#!/usr/bin/env node
// Compares postparse's front-matter data with the hexo-front-matter 5.0.0 golden
// file (hexo-front-matter.golden.jsonl, written by generate.mjs).
//
// Usage: node tests/peer/compare.mjs <postparse-cli> <corpus-dir> <seed-file>
//
// For every golden line the file is given to the CLI (in chunks of CHUNK files:
// `postparse F1 F2 ...` prints one JSON object per line, in argument order) and
// postparse's front_matter.data is compared with the golden "data":
//   * golden {"$date": iso}: postparse's value there must be a string (the text as
//     written) and front_matter.dates must have the same JSON pointer resolving to
//     the same epoch milliseconds (Date.parse of both). {"$date":"Invalid Date"}
//     matches when dates has no parseable instant at that pointer.
//   * golden {"$number": "Infinity"|"-Infinity"|"NaN"}: postparse ".inf"|"-.inf"|".nan".
//   * golden "error" (hexo threw): postparse must report an error diagnostic with
//     part "front_matter" and have no data (front_matter null or data null).
//   * golden data {} (hexo found no front matter, or one that is empty / not a
//     mapping): matches postparse front_matter null, or data null or {} without a
//     front_matter error. With a front_matter error it is a difference at "".
//   * otherwise deep equality: key order ignored, numbers compared as numbers,
//     strings/booleans/null strictly. Extra `dates` entries in postparse (for values
//     hexo keeps as strings, e.g. RFC 2822 dates) are not differences.
// Each difference is printed as  <file>\t<json pointer>\t<hexo value>\t<postparse value>
// (values as JSON; "(absent)" for a missing key; pointer "" is the whole data).
//
// known-differences.tsv (beside this script) lists accepted differences:
//   <file>\t<pointer>\t<reason>     ('#' comments and blank lines ignored;
//   pointer "*" accepts every difference of that file).
// Exit 1 on any unlisted difference and on any listed entry that no longer occurs
// (stale). The last line printed is "N passed, M failed": N = files whose data all
// matched or whose differences are all listed, M = the others. Exit 0 only when
// M == 0 and no entry is stale.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(here, 'hexo-front-matter.golden.jsonl');
const KNOWN = path.join(here, 'known-differences.tsv');
const CHUNK = 200;

const [cli, corpusArg, seedArg] = process.argv.slice(2);
if (!cli || !corpusArg || !seedArg) {
  console.error('usage: node compare.mjs <postparse-cli> <corpus-dir> <seed-file>');
  process.exit(2);
}
const corpusDir = path.resolve(corpusArg);
const seedFile = path.resolve(seedArg);

// ---------------------------------------------------------------- inputs
const golden = fs.readFileSync(GOLDEN, 'utf8').split('\n').filter((l) => l.trim() !== '')
  .map((l, i) => {
    try { return JSON.parse(l); } catch (e) {
      console.error(`${GOLDEN}:${i + 1}: bad JSON: ${e.message}`);
      process.exit(2);
    }
  });

function actualPath(rel) {
  if (rel.startsWith('seed/')) {
    if (path.basename(seedFile) !== rel.slice(5)) {
      console.error(`warning: golden has ${rel} but the seed file given is ${seedFile}`);
    }
    return seedFile;
  }
  return path.join(corpusDir, ...rel.split('/'));
}

const known = new Map(); // "file\tpointer" -> {reason, line, used}
if (fs.existsSync(KNOWN)) {
  fs.readFileSync(KNOWN, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length < 2) {
      console.error(`${path.basename(KNOWN)}:${i + 1}: expected file<TAB>pointer<TAB>reason`);
      process.exit(2);
    }
    const key = `${cols[0]}\t${cols[1]}`;
    if (known.has(key)) console.error(`warning: ${path.basename(KNOWN)}:${i + 1}: duplicate entry`);
    known.set(key, { reason: cols.slice(2).join('\t'), line: i + 1, used: false });
  });
}

// ---------------------------------------------------------------- run the CLI
function runCli(files) {
  // Returns stdout text; a non-zero exit status is fine as long as it printed.
  try {
    return execFileSync(cli, files, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString('utf8');
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'EACCES') {
      console.error(`cannot run ${cli}: ${err.code}`);
      process.exit(2);
    }
    if (err.stdout && err.stdout.length) return err.stdout.toString('utf8');
    throw err;
  }
}

function parseLines(text) {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

const outputs = new Map(); // rel -> parsed CLI object | {crash: message}
function runBatch(rels) {
  const paths = rels.map(actualPath);
  let objs = null;
  try {
    objs = parseLines(runCli(paths));
    if (objs.length !== paths.length || objs.some((o, i) => o?.source !== paths[i])) objs = null;
  } catch {
    objs = null;
  }
  if (objs) {
    rels.forEach((r, i) => outputs.set(r, objs[i]));
    return;
  }
  if (rels.length === 1) {
    let msg;
    try {
      const o = parseLines(runCli(paths));
      msg = `expected 1 JSON line with source ${JSON.stringify(paths[0])}, got ${o.length}`;
    } catch (err) {
      msg = err?.signal ? `killed by ${err.signal}`
        : err?.status != null ? `exit status ${err.status}, no output`
          : String(err?.message ?? err).split('\n')[0];
    }
    outputs.set(rels[0], { crash: msg });
    return;
  }
  // Misaligned or crashed batch: isolate the culprit(s) one file at a time.
  for (const r of rels) runBatch([r]);
}

const rels = golden.map((g) => g.file);
for (let i = 0; i < rels.length; i += CHUNK) runBatch(rels.slice(i, i + CHUNK));

// ---------------------------------------------------------------- compare
const esc = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const show = (v) => (v === ABSENT ? '(absent)' : JSON.stringify(v));
const ABSENT = Symbol('absent');
const NONFINITE = { Infinity: '.inf', '-Infinity': '-.inf', NaN: '.nan' };
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function deepCompare(g, p, ptr, dates, diffs) {
  const diff = () => diffs.push([ptr, show(g), show(p)]);
  if (g === ABSENT || p === ABSENT) return diff();
  if (isPlainObject(g) && Object.keys(g).length === 1 && typeof g.$date === 'string') {
    const want = g.$date === 'Invalid Date' ? NaN : Date.parse(g.$date);
    const got = dates && Object.hasOwn(dates, ptr) ? Date.parse(dates[ptr]) : NaN;
    const same = Number.isNaN(want) ? Number.isNaN(got) : want === got;
    if (typeof p !== 'string' || !same) {
      diffs.push([ptr, show(g), dates && Object.hasOwn(dates, ptr)
        ? JSON.stringify({ value: p, date: dates[ptr] }) : show(p)]);
    }
    return;
  }
  if (isPlainObject(g) && Object.keys(g).length === 1 && typeof g.$number === 'string') {
    if (p !== NONFINITE[g.$number]) diff();
    return;
  }
  if (typeof g === 'number') {
    if (typeof p !== 'number' || !(p === g)) diff();
    return;
  }
  if (g === null || typeof g !== 'object') {
    if (p !== g) diff();
    return;
  }
  if (Array.isArray(g)) {
    if (!Array.isArray(p)) return diff();
    const n = Math.max(g.length, p.length);
    for (let i = 0; i < n; i++) {
      deepCompare(i < g.length ? g[i] : ABSENT, i < p.length ? p[i] : ABSENT, `${ptr}/${i}`, dates, diffs);
    }
    return;
  }
  if (!isPlainObject(p)) return diff();
  const keys = new Set([...Object.keys(g), ...Object.keys(p)]);
  for (const k of [...keys].sort()) {
    deepCompare(Object.hasOwn(g, k) ? g[k] : ABSENT, Object.hasOwn(p, k) ? p[k] : ABSENT,
      `${ptr}/${esc(k)}`, dates, diffs);
  }
}

function fmError(out) {
  return (out.diagnostics ?? []).find((d) => d.severity === 'error' && d.part === 'front_matter');
}

function compareFile(g, out) {
  const diffs = [];
  if (out.crash) {
    diffs.push(['', g.error !== undefined ? JSON.stringify({ error: g.error }) : show(g.data),
      JSON.stringify(`(postparse failed: ${out.crash})`)]);
    return diffs;
  }
  const fm = out.front_matter ?? null;
  const err = fmError(out);
  const pdata = fm === null ? null : fm.data ?? null;
  if (g.error !== undefined) {
    if (!(err && pdata === null)) {
      diffs.push(['', JSON.stringify({ error: g.error }),
        fm === null ? 'null' : JSON.stringify(pdata)]);
    }
    return diffs;
  }
  const gEmpty = isPlainObject(g.data) && Object.keys(g.data).length === 0;
  if (err && pdata === null) {
    diffs.push(['', show(g.data), JSON.stringify({ error: `${err.code}: ${err.message}` })]);
    return diffs;
  }
  if (pdata === null) {
    if (!gEmpty) diffs.push(['', show(g.data), 'null']);
    return diffs;
  }
  deepCompare(g.data, pdata, '', fm.dates ?? {}, diffs);
  return diffs;
}

const unlisted = [];
const accepted = [];
let passed = 0;
let failed = 0;
for (const g of golden) {
  const diffs = compareFile(g, outputs.get(g.file));
  let ok = true;
  for (const [ptr, hv, pv] of diffs) {
    const line = `${g.file}\t${ptr}\t${hv}\t${pv}`;
    const entry = known.get(`${g.file}\t${ptr}`) ?? known.get(`${g.file}\t*`);
    if (entry) {
      entry.used = true;
      accepted.push(line);
    } else {
      ok = false;
      unlisted.push(line);
    }
  }
  if (ok) passed++;
  else failed++;
}

if (unlisted.length) {
  console.log(`# ${unlisted.length} unlisted difference(s): file\tpointer\thexo\tpostparse`);
  for (const l of unlisted) console.log(l);
}
if (accepted.length) {
  console.log(`# ${accepted.length} difference(s) accepted by ${path.basename(KNOWN)}`);
  for (const l of accepted) console.log(l);
}
const stale = [...known].filter(([, e]) => !e.used);
if (stale.length) {
  console.log(`# ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'} in ${path.basename(KNOWN)} (difference no longer occurs):`);
  for (const [key, e] of stale) console.log(`stale: ${path.basename(KNOWN)}:${e.line}\t${key}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && stale.length === 0 ? 0 : 1);
