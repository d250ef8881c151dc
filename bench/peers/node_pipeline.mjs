#!/usr/bin/env node
// A peer pipeline for bench/compare: the whole job people do today in
// Node.js, on the files listed (one path per line) in LIST_FILE.
//
//   node node_pipeline.mjs gray-matter LIST_FILE [REPS]   gray-matter 4 + htmlparser2
//   node node_pipeline.mjs hexo LIST_FILE [REPS]          hexo-front-matter 5 + parse5
//
// Per file: split the front matter and load it (YAML), parse the body as
// HTML into a DOM, walk the DOM into paragraphs (walk.mjs; the same walk as
// python_pipeline.py), and write one JSON line {file, front_matter,
// paragraphs} to stdout.  Files are read into memory first; the timed loop
// is parse + walk + JSON + write.  Markdown bodies are parsed as HTML as
// they are (no Markdown renderer): the peers do less work than postparse.
//
// The loop runs REPS times (default 3) over all files, the JIT warming up in
// the first; every repetition writes its output.  Prints to stderr one JSON
// object: {"files", "bytes", "seconds" (the fastest repetition), "errors"}.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { paragraphsOfHtmlparser2, paragraphsOfParse5 } from './walk.mjs';

const [variant, listFile, repsArg] = process.argv.slice(2);
const reps = repsArg === undefined ? 3 : Number(repsArg);
if (!['gray-matter', 'hexo'].includes(variant) || !listFile || !(reps >= 1)) {
  process.stderr.write('usage: node node_pipeline.mjs gray-matter|hexo LIST_FILE [REPS]\n');
  process.exit(2);
}

const paths = fs.readFileSync(listFile, 'utf8').split('\n').filter((p) => p.length > 0);
const posts = paths.map((p) => ({ path: p, text: fs.readFileSync(p).toString('utf8') }));
const bytes = paths.reduce((n, p) => n + fs.statSync(p).size, 0);

let job;
if (variant === 'gray-matter') {
  const matter = (await import('gray-matter')).default;
  const { parseDocument } = await import('htmlparser2');
  job = (text) => {
    // Called without options, gray-matter caches its result by input text,
    // which would turn a repeated text into a lookup; an options object
    // turns the cache off.
    // gray-matter wants the fence on the first line; Hexo posts that start
    // with a blank line (the RSSHub format) would lose their front matter,
    // so the blank lines go first, as a user of gray-matter would do.
    const parsed = matter(/^\s+---/.test(text) ? text.trimStart() : text, {});
    return { data: parsed.data, paragraphs: paragraphsOfHtmlparser2(parseDocument(parsed.content)) };
  };
} else {
  const { parse } = await import('hexo-front-matter');
  const parse5 = await import('parse5');
  job = (text) => {
    const parsed = parse(text);
    const body = parsed._content;
    delete parsed._content;
    return { data: parsed, paragraphs: paragraphsOfParse5(parse5.parseFragment(body)) };
  };
}

function runOnce() {
  let errors = 0;
  for (const post of posts) {
    let record;
    try {
      const { data, paragraphs } = job(post.text);
      record = { file: post.path, front_matter: data, paragraphs };
    } catch (e) {
      errors++;
      record = { file: post.path, error: String(e && e.message) };
    }
    fs.writeSync(1, JSON.stringify(record) + '\n');
  }
  return errors;
}

let best = Infinity;
let errors = 0;
for (let i = 0; i < reps; i++) {
  const start = performance.now();
  errors = runOnce();
  best = Math.min(best, (performance.now() - start) / 1000);
}
process.stderr.write(JSON.stringify({ files: posts.length, bytes, seconds: best, errors }) + '\n');
