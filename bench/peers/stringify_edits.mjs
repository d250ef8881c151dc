#!/usr/bin/env node
// The peers' side of bench/edit-compare: the front matter edits of
// bench/edit_compare.cpp made the way a user of each peer makes them —
// parse, change the data, `stringify` — on the same posts.
//
//   node stringify_edits.mjs LIST_FILE OUT_DIR
//
// Reads OUT_DIR/manifest.tsv (written by bench_edit_compare: which posts
// have YAML front matter and which edits apply to each) and writes, for
// each peer (gray-matter, hexo-front-matter), each YAML post and each edit
// that applies, OUT_DIR/PEER/EDIT/INDEX (the new post) or
// OUT_DIR/PEER/EDIT/INDEX.refused (the error it threw, or why the edit
// could not be made on the peer's data).
//
//   gray-matter        matter(text, {}) -> change .data ->
//                      matter.stringify(.content, .data)
//   hexo-front-matter  parse(text) -> change the object ->
//                      stringify(obj, {prefixSeparator: true})
//
// The edits, on the data each peer loaded:
//   noop    nothing
//   title   data.title = the same fixed string as postparse's
//   tag     'postparse-bench' pushed onto data.tags (an Array)
//   date    data[date_key] moved one day later: a Date stays a Date; a
//           string is read with Date.parse and becomes a Date (neither
//           peer has another way to write a date)
//   rename  categories -> category, kept in its place among the keys
//
// Both peers want the opening fence on the first line; posts that start
// with blank lines (the RSSHub format) get them removed before parsing and
// put back in front of the result, as a careful user would.  Hexo formats
// dates in the process's local zone: the driver runs this with TZ=UTC.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as hexoParse, stringify as hexoStringify } from 'hexo-front-matter';

const NEW_TITLE = 'A title set by bench/edit-compare';
const NEW_TAG = 'postparse-bench';
const ONE_DAY_MS = 86400 * 1000;

class NotApplicable extends Error {}

const [listFile, outDir] = process.argv.slice(2);
if (!listFile || !outDir) {
  process.stderr.write('usage: node stringify_edits.mjs LIST_FILE OUT_DIR\n');
  process.exit(2);
}

function readManifest() {
  const lines = fs.readFileSync(path.join(outDir, 'manifest.tsv'), 'utf8').split('\n').filter((l) => l);
  return lines.map((line) => {
    const [index, format, , , , tagsList, dateKey, categories] = line.split('\t');
    return { index: Number(index), format, tagsList: tagsList === '1', dateKey, categories: categories === '1' };
  });
}

function laterDate(value) {
  if (value instanceof Date) return new Date(value.getTime() + ONE_DAY_MS);
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new NotApplicable(`the date is ${typeof value} ${JSON.stringify(value)} here`);
  return new Date(ms + ONE_DAY_MS);
}

function renamed(data, from, to) {
  const out = {};
  for (const [key, value] of Object.entries(data)) out[key === from ? to : key] = value;
  return out;
}

// The edits that apply to a post (as in bench_edit_compare), each a
// function from the peer's data to the new data.
function editsFor(post) {
  const edits = { noop: (d) => d, title: (d) => ({ ...d, title: NEW_TITLE }) };
  if (post.tagsList) {
    edits.tag = (d) => {
      if (!Array.isArray(d.tags)) throw new NotApplicable('tags is not an Array here');
      return { ...d, tags: [...d.tags, NEW_TAG] };
    };
  }
  if (post.dateKey !== '-') {
    edits.date = (d) => {
      if (!(post.dateKey in d)) throw new NotApplicable(`no ${post.dateKey} here`);
      return { ...d, [post.dateKey]: laterDate(d[post.dateKey]) };
    };
  }
  if (post.categories) edits.rename = (d) => renamed(d, 'categories', 'category');
  return edits;
}

const peers = {
  'gray-matter': (text, edit) => {
    // An options object turns gray-matter's cache (by input text) off.
    const file = matter(text, {});
    return matter.stringify(file.content, edit(file.data));
  },
  'hexo-front-matter': (text, edit) => {
    const obj = hexoParse(text);
    const content = obj._content;
    delete obj._content;
    return hexoStringify({ ...edit(obj), _content: content }, { prefixSeparator: true });
  },
};

function runPeer(name, stringifyEdit, posts, paths) {
  const counts = { written: 0, refused: 0 };
  for (const post of posts) {
    const text = fs.readFileSync(paths[post.index]).toString('utf8');
    const lead = /^\s+(?=---)/.exec(text)?.[0] ?? '';
    for (const [editName, edit] of Object.entries(editsFor(post))) {
      const dir = path.join(outDir, name, editName);
      fs.mkdirSync(dir, { recursive: true });
      const out = path.join(dir, String(post.index));
      try {
        fs.writeFileSync(out, lead + stringifyEdit(text.slice(lead.length), edit));
        counts.written++;
      } catch (err) {
        const kind = err instanceof NotApplicable ? 'not-applicable' : 'error';
        fs.writeFileSync(`${out}.refused`, `${kind}: ${String(err.message).split('\n')[0]}\n`);
        counts.refused++;
      }
    }
  }
  return counts;
}

const paths = fs.readFileSync(listFile, 'utf8').split('\n').filter((p) => p.length > 0);
const posts = readManifest().filter((p) => p.format === 'yaml');
const report = {};
for (const [name, stringifyEdit] of Object.entries(peers)) report[name] = runPeer(name, stringifyEdit, posts, paths);
process.stderr.write(JSON.stringify(report) + '\n');
