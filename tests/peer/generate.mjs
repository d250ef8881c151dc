#!/usr/bin/env node
// Generates tests/peer/hexo-front-matter.golden.jsonl: what the npm package
// hexo-front-matter 5.0.0 (pinned in package.json / package-lock.json) returns
// for a deterministic selection of real posts.
//
// Usage: node tests/peer/generate.mjs [CORPUS_DIR] [SEED_FILE]
//   defaults: <repo>/tests/data/corpus and <repo>/tests/data/seed/000_1533502123a03027.txt
//
// Selection (paths relative to CORPUS_DIR, '/'-separated, sorted by plain JS
// string comparison):
//   - every file under RSSHUB-PAGE/ (recursively)
//   - animenews/: files sorted by path, those at index % 10 == 0
//   - joeduffy/:  files sorted by path, those at index % 5 == 0
//   - the seed file, recorded as "seed/<name>"
// Each file is read as bytes and decoded as UTF-8 (Buffer#toString: a BOM is
// kept as U+FEFF, invalid sequences become U+FFFD), CRLF is NOT normalised, and
// the string is passed to hexo-front-matter's parse(str) with no options.
//
// Output: one JSON line per file, sorted by "file":
//   {"file":"<rel path>","data":<parse() result without _content>}
//   {"file":"<rel path>","error":"<Error#message>"}        when parse() throws
// Encoding of non-JSON values (lossless):
//   Date            -> {"$date":"<toISOString()>"}   (invalid Date -> {"$date":"Invalid Date"})
//   non-finite num  -> {"$number":"Infinity"|"-Infinity"|"NaN"}
//   (never seen with this peer, encoded defensively: bigint -> {"$bigint":"<digits>"},
//    Map -> {"$map":[[k,v],...]}, Set -> {"$set":[...]}, Uint8Array -> {"$binary":"<base64>"})
//   everything else is plain JSON.
//
// What the peer does (read from node_modules/hexo-front-matter/dist/*.js, v5.0.0):
//   * YAML parser: NOT js-yaml. hexo-front-matter 5 uses the `yaml` package
//     (eemeli/yaml) pinned at exactly 2.7.1, via yaml.parse(src, {customTags:[timestamp]}).
//     Defaults of that call: YAML 1.2, "core" schema (true/false/null only in their
//     1.2 spellings, 0o octal, 0x hex, .inf/.nan), uniqueKeys: true (a duplicate key
//     throws "Map keys must be unique"), no `<<` merge keys, maxAliasCount 100,
//     strict: true, ints as JS doubles, non-string keys stringified. Any YAML error
//     throws (the first error is thrown); warnings go to process.emitWarning. A
//     `%YAML 1.1` directive would switch to the yaml-1.1 schema.
//     Before parsing, every "\n" followed by TABs has each TAB replaced by 2 spaces
//     (escapeYAML).
//   * Timestamps: a custom !!timestamp tag (default: true, so it resolves plain
//     scalars) matching ^YYYY-M?M-D?D([Tt]|[ \t]+ H?H:M?M:S?S(.frac)?([ \t]*(Z|[-+]H?H(:MM)?))?)?$.
//     It returns a JS Date. Without a zone the date/time is taken as UTC (no
//     defaultTimeZone is passed; the machine's TZ is never consulted), with a zone
//     the offset is applied. Fractions are truncated to milliseconds. Out-of-range
//     fields overflow through Date.UTC (e.g. month 13 -> next year) instead of failing.
//     A zone without a colon ("+0900") does not match, so the whole value stays a
//     string; "+8" / "-07:00" / "Z" do. Hexo the site generator passes its `timezone`
//     setting as defaultTimeZone; plain parse(str), as called here, has none.
//     Quoted scalars are strings. Anything else that merely looks like a date
//     (RFC 2822 "Sat, 31 Jul 2021 12:27:53 GMT", "Invalid Date", "2023/05/23") is a
//     plain string.
//   * Splitting: (a) /^(-{3,}|;{3,})\r?\n([\s\S]+?)\r?\n\1\r?\n?([\s\S]*)/ — a fence
//     of 3+ '-' or ';' on the very first line (nothing else on it, not even trailing
//     spaces) and the same fence again later; (b) otherwise, if the text starts with
//     3+ '-' or ';' there is no front matter at all; (c) otherwise the "new" form
//     /^([\s\S]+?)\r?\n(-{3,}|;{3,})\r?\n?([\s\S]*)/: EVERYTHING before the first
//     line that starts with 3+ '-' or ';' is taken as front matter. So a file that
//     starts with a blank line then "---" (the RSSHUB-PAGE format) is parsed through
//     (c) with "\n---\n<yaml>" as the YAML text, which yaml reads as a document-start
//     marker followed by the mapping: same data as (a). It also means a Markdown
//     post with no front matter but a "---" rule is parsed as YAML up to the rule.
//   * `;;;` fences: JSON.parse("{" + block + "}"); on a JSON error the front matter
//     is silently dropped (no throw).
//   * Whenever the split finds no block, the block is empty, or the parsed value is
//     falsy or not an object (null, a string, a number...), parse() returns just
//     {_content: str}: recorded here as "data":{}. An array is returned as is (with a
//     _content property on it): recorded as the array.
//   * A `_content` key in the front matter is overwritten by the body.
//
// Time zone: this script forces process.env.TZ = "UTC" before loading the peer,
// so that nothing depends on the machine's zone (hexo-front-matter's parse() does
// not read it anyway: naive timestamps are UTC by construction).

process.env.TZ = 'UTC';

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

const corpusDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'tests', 'data', 'corpus'));
const seedFile = path.resolve(
  process.argv[3] ?? path.join(repoRoot, 'tests', 'data', 'seed', '000_1533502123a03027.txt'));
const outFile = path.join(here, 'hexo-front-matter.golden.jsonl');

// Load the peer only after TZ is set.
const hexoPkg = require('hexo-front-matter/package.json');
const yamlPkg = require('yaml/package.json');
const { parse } = await import('hexo-front-matter');
if (hexoPkg.version !== '5.0.0') {
  console.error(`expected hexo-front-matter 5.0.0, found ${hexoPkg.version}: run npm ci in tests/peer`);
  process.exit(2);
}

function listFiles(dir) {
  // All regular files under dir, as '/'-separated paths relative to dir, sorted.
  const out = [];
  const walk = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, ent.name);
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(a, r);
      else if (ent.isFile()) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort(cmp);
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(v) {
  if (v instanceof Date) {
    return { $date: Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() };
  }
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    return { $number: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
  }
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encode(k), encode(x)]) };
  if (v instanceof Set) return { $set: [...v].map(encode) };
  if (v instanceof Uint8Array) return { $binary: Buffer.from(v).toString('base64') };
  const o = {};
  for (const k of Object.keys(v)) o[k] = encode(v[k]);
  return o;
}

const selected = []; // [relName, absPath]
for (const f of listFiles(path.join(corpusDir, 'RSSHUB-PAGE'))) {
  selected.push([`RSSHUB-PAGE/${f}`, path.join(corpusDir, 'RSSHUB-PAGE', f)]);
}
listFiles(path.join(corpusDir, 'animenews')).forEach((f, i) => {
  if (i % 10 === 0) selected.push([`animenews/${f}`, path.join(corpusDir, 'animenews', f)]);
});
listFiles(path.join(corpusDir, 'joeduffy')).forEach((f, i) => {
  if (i % 5 === 0) selected.push([`joeduffy/${f}`, path.join(corpusDir, 'joeduffy', f)]);
});
selected.push([`seed/${path.basename(seedFile)}`, seedFile]);
selected.sort((a, b) => cmp(a[0], b[0]));

// yaml reports warnings through process.emitWarning; collect them per file.
let warnings = [];
const origEmitWarning = process.emitWarning;
process.emitWarning = (w) => { warnings.push(String(w?.message ?? w)); };

const lines = [];
let nErrors = 0;
let nEmpty = 0;
for (const [rel, abs] of selected) {
  const str = fs.readFileSync(abs).toString('utf8');
  warnings = [];
  let rec;
  try {
    const result = parse(str);
    let data;
    if (Array.isArray(result)) {
      data = encode([...result]);
    } else {
      const { _content, ...rest } = result;
      data = encode(rest);
      if (Object.keys(rest).length === 0) nEmpty++;
    }
    rec = { file: rel, data };
  } catch (err) {
    nErrors++;
    rec = { file: rel, error: String(err?.message ?? err) };
  }
  for (const w of warnings) console.error(`warning: ${rel}: ${w.split('\n')[0]}`);
  lines.push(JSON.stringify(rec));
}
process.emitWarning = origEmitWarning;

fs.writeFileSync(outFile, lines.join('\n') + '\n');
console.error(
  `hexo-front-matter ${hexoPkg.version} (yaml ${yamlPkg.version}), TZ=${process.env.TZ}: ` +
  `${lines.length} files, ${nErrors} errors, ${nEmpty} with no data -> ${path.relative(process.cwd(), outFile)}`);
