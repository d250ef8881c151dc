"""End-to-end tests of the postparse command on batches, one case per ctest.

    batch.py CLI CORPUS CASE WORKDIR

CORPUS is tests/data/corpus.  Standard library only; exits non-zero with a
message on the first failed check, 77 when the case cannot run here (ctest
SKIP_RETURN_CODE), e.g. without `script` for the pseudo-terminal case.
"""
import json
import os
import shutil
import subprocess
import sys

from checks import check, fail  # noqa: E402 (tests/cli is the script's folder)

CLI = CORPUS = WORK = None


def run(args, stdin=None, **kwargs):
    return subprocess.run([CLI] + args, input=stdin, capture_output=True, timeout=600, **kwargs)


def records(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def corpus_files(root):
    """What `find ROOT -name '*.md' | sort` lists (the corpus holds .md posts)."""
    found = []
    for base, _, files in os.walk(root):
        found += [os.path.join(base, f) for f in files if f.endswith((".md", ".markdown", ".html", ".htm", ".txt"))]
    return sorted(found, key=lambda p: os.path.relpath(p, root).encode("utf-8"))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def case_directory_order():
    """A directory gives one record per post, in sorted order, the same on 1 and 4 threads."""
    one = run(["--threads", "1", "-q", CORPUS])
    four = run(["--threads", "4", "-q", CORPUS])
    check(one.returncode == 0 and four.returncode == 0, "exit %d / %d" % (one.returncode, four.returncode))
    check(one.stdout == four.stdout, "--threads 1 and --threads 4 differ")
    sources = [r["source"] for r in records(one.stdout)]
    check(sources == corpus_files(CORPUS), "records are not one per post in sorted order")
    unordered = run(["--threads", "4", "--unordered", "-q", CORPUS])
    check(sorted(unordered.stdout.splitlines()) == sorted(one.stdout.splitlines()), "--unordered lost records")


def case_inputs():
    """-, --from-list, --include and --exclude."""
    post = b"---\ntitle: from stdin\n---\n<p>hello</p>\n"
    r = run(["-q", "-"], stdin=post)
    check(r.returncode == 0 and records(r.stdout)[0]["front_matter"]["data"] == {"title": "from stdin"}, "'-'")
    folder = os.path.join(CORPUS, "RSSHUB-PAGE")
    files = corpus_files(folder)[:5]
    listing = os.path.join(WORK, "list.txt")
    with open(listing, "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n\n")
    r = run(["-q", "--from-list", listing])
    check([x["source"] for x in records(r.stdout)] == files, "--from-list FILE")
    r = run(["-q", "--from-list", "-"], stdin=("\n".join(files) + "\n").encode())
    check([x["source"] for x in records(r.stdout)] == files, "--from-list -")
    tree = os.path.join(WORK, "tree")
    for name in ("a.md", "b.html", "c.txt", "d.rst", "drafts/e.md", "keep/f.md"):
        write(os.path.join(tree, name), b"<p>x</p>")
    names = lambda r: [os.path.relpath(x["source"], tree) for x in records(r.stdout)]
    check(names(run(["-q", tree])) == ["a.md", "b.html", "c.txt", "drafts/e.md", "keep/f.md"], "default globs")
    check(names(run(["-q", "--include", "*.rst", tree])) == ["d.rst"], "--include")
    check(names(run(["-q", "--exclude", "drafts", "--exclude", "*.txt", tree])) == ["a.md", "b.html", "keep/f.md"],
          "--exclude")
    check(run(["-q", "--from-list", os.path.join(WORK, "missing-list")]).returncode == 2, "unreadable --from-list")
    check(run(["-q", "--from-list", "-", "-"], stdin=b"").returncode == 2, "standard input used twice")
    # Links that fan out (each directory links twice to the next) are walked once each.
    fan = os.path.join(WORK, "fan")
    for i in range(12):
        write(os.path.join(fan, "d%d" % i, "p.md"), b"<p>x</p>")
    for i in range(11):
        for link in ("a", "b"):
            os.symlink(os.path.join(fan, "d%d" % (i + 1)), os.path.join(fan, "d%d" % i, link))
    r = run(["-q", os.path.join(fan, "d0")])
    check(r.returncode == 0 and len(records(r.stdout)) == 12, "fanned-out links: %d records" % len(records(r.stdout)))
    check(run([]).returncode == 2, "no input is a usage error")


def case_odd_files():
    """A broken symlink, a directory named x.md, UTF-16, GBK and an empty file each get a record."""
    folder = os.path.join(WORK, "odd")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "x.md"))
    os.symlink("nowhere.md", os.path.join(folder, "broken.md"))
    write(os.path.join(folder, "empty.md"), b"")
    write(os.path.join(folder, "utf16.md"), "---\ntitle: 十六\n---\n<p>utf16 text</p>\n".encode("utf-16"))
    write(os.path.join(folder, "gbk.md"), "---\ntitle: 中文\n---\n<p>中文内容</p>\n".encode("gbk"))
    write(os.path.join(folder, "z.md"), b"<p>last</p>")
    os.mkfifo(os.path.join(folder, "fifo.md"))  # found by the walk: refused, never waited on
    r = run(["-q", folder])
    check(r.returncode == 1, "an unreadable input gives exit 1, got %d" % r.returncode)
    got = {os.path.basename(x["source"]): x for x in records(r.stdout)}
    check(sorted(got) == ["broken.md", "empty.md", "fifo.md", "gbk.md", "utf16.md", "x.md", "z.md"],
          "one record each: %s" % sorted(got))
    for name in ("broken.md", "x.md", "fifo.md"):
        codes = [d["code"] for d in got[name]["diagnostics"]]
        check(codes == ["io"] and got[name]["diagnostics"][0]["severity"] == "error", name + " has no io record")
    check(got["utf16.md"]["front_matter"]["data"] == {"title": "十六"}, "UTF-16 post")
    check(any(d["code"] == "syntax" for d in got["gbk.md"]["diagnostics"]), "GBK without --encoding is said")
    check(got["z.md"]["paragraphs"][0]["text"] == "last", "the batch went on")
    check(b"broken.md" in r.stderr and b"x.md" in r.stderr, "problems named on standard error")
    # A hostile name never reaches the terminal raw.
    os.symlink("nowhere", os.path.join(folder, "esc\x1b[2Jline\nbreak.md"))
    r = run(["-q", folder])
    check(b"\x1b" not in r.stderr and b"esc\\x1B[2Jline\\x0Abreak.md" in r.stderr, "control characters shown escaped: %r" % r.stderr)
    r = run(["-q", "--encoding", "GBK", os.path.join(folder, "gbk.md")])
    (rec,) = records(r.stdout)
    check(rec["front_matter"]["data"] == {"title": "中文"} and rec["paragraphs"][0]["text"] == "中文内容", "--encoding GBK")
    check(rec["encoding"]["name"] == "GBK", "the record says its spans are in the decoded text")
    check(run(["-q", "--encoding", "NO-SUCH-CODE", folder]).returncode == 2, "unknown --encoding")


def case_outputs():
    """--fields, --content-only, --format json/text/markdown, -o and --out-dir."""
    seed = os.path.join(os.path.dirname(CORPUS), "seed")
    # Reshaping keeps numbers as written, whatever their size.
    big = os.path.join(WORK, "big.md")
    write(big, b"---\nn: 1" + b"0" * 400 + b"\nm: 12345678901234567890123\n---\n<p>a</p>")
    for extra in (["--fields", "front_matter.data"], ["--content-only"], ["--encoding", "latin1"]):
        r = run(["-q"] + extra + [big])
        check(r.returncode == 0 and b'"m":12345678901234567890123' in r.stdout and b"1" + b"0" * 400 in r.stdout,
              "a long integer through %s" % extra)
    r = run(["-q", "--fields", "source,front_matter.data,paragraphs.text", seed])
    (rec,) = records(r.stdout)
    check(list(rec) == ["source", "front_matter", "paragraphs"], "--fields keys: %s" % list(rec))
    check(list(rec["front_matter"]) == ["data"] and all(list(p) == ["text"] for p in rec["paragraphs"]), "--fields depth")
    full = records(run(["-q", seed]).stdout)[0]
    content = records(run(["-q", "--content-only", seed]).stdout)[0]
    check(len(content["paragraphs"]) == sum(p["class"] == "content" for p in full["paragraphs"]) < len(full["paragraphs"]),
          "--content-only")
    folder = os.path.join(CORPUS, "RSSHUB-PAGE")
    lines = records(run(["-q", folder]).stdout)
    array = json.loads(run(["-q", "--format", "json", folder]).stdout)
    check(array == lines, "--format json is the array of the JSON Lines records")
    check(json.loads(run(["-q", "--format", "json", "--from-list", os.devnull]).stdout) == [], "an empty array")
    text = run(["-q", "--format", "text", seed]).stdout.decode()
    check(text.startswith("河南召开") and "责任编辑" not in text, "--format text")
    check(run(["-q", "--format", "markdown", seed]).stdout.decode().startswith("河南召开"), "--format markdown")
    out_file = os.path.join(WORK, "out.jsonl")
    r = run(["-q", "-o", out_file, folder])
    check(r.returncode == 0 and r.stdout == b"", "-o writes nothing to standard output")
    with open(out_file, "rb") as f:
        check(records(f.read()) == lines, "-o FILE holds the records")
    out_dir = os.path.join(WORK, "out-dir")
    shutil.rmtree(out_dir, ignore_errors=True)
    r = run(["-q", "--out-dir", out_dir, folder])
    written = sorted(os.path.relpath(os.path.join(b, f), out_dir) for b, _, fs in os.walk(out_dir) for f in fs)
    expected = sorted(os.path.relpath(p, folder) + ".json" for p in corpus_files(folder))
    check(written == expected, "--out-dir mirrors the input tree")
    check(run(["-q", "-o", out_file, "--out-dir", out_dir, folder]).returncode == 2, "-o with --out-dir")


def case_exit_statuses():
    """0, 1, 2, 3 (--fail-on error|warning) and 4."""
    good = os.path.join(WORK, "good.md")
    write(good, b"---\ntitle: ok\n---\n<p>fine</p>")
    warned = os.path.join(WORK, "warned.md")
    write(warned, b"---\ndate: Invalid Date\n---\n<p>x</p>")
    broken = os.path.join(WORK, "broken.md")
    write(broken, b"---\ntitle: [unclosed\n---\n<p>x</p>")
    check(run(["-q", good]).returncode == 0, "exit 0")
    check(run(["-q", good, os.path.join(WORK, "missing.md")]).returncode == 1, "exit 1")
    check(run(["-q", "--no-such-flag", good]).returncode == 2, "exit 2")
    check(run(["-q", "--fail-on", "error", broken]).returncode == 3, "--fail-on error")
    check(run(["-q", "--fail-on", "error", warned]).returncode == 0, "--fail-on error ignores warnings")
    check(run(["-q", "--fail-on", "warning", warned]).returncode == 3, "--fail-on warning")
    check(run(["-q", "--fail-on-error", broken]).returncode == 3, "--fail-on-error")
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            r = subprocess.run([CLI, "-q", good], stdout=full, stderr=subprocess.PIPE, timeout=60)
        check(r.returncode == 4 and b"cannot write" in r.stderr, "exit 4 on a full disk")
    # A closed pipe ends quietly.
    p = subprocess.Popen("'%s' -q '%s' | head -c 1 > /dev/null" % (CLI, CORPUS), shell=True, stderr=subprocess.PIPE)
    _, err = p.communicate(timeout=600)
    check(b"cannot write" not in err, "a closed pipe is not an error message: %r" % err)


def case_summary_and_stats():
    """The summary line and --stats agree with the records."""
    stats_file = os.path.join(WORK, "stats.json")
    r = run(["--stats", stats_file, CORPUS])
    recs = records(r.stdout)
    with open(stats_file, encoding="utf-8") as f:
        stats = json.load(f)
    check(stats["files"] == len(recs), "files")
    errors = sum(any(d["severity"] == "error" for d in x["diagnostics"]) for x in recs)
    warnings = sum(any(d["severity"] == "warning" for d in x["diagnostics"]) for x in recs)
    check(stats["posts_with_errors"] == errors and stats["posts_with_warnings"] == warnings, "errors/warnings")
    by_code = {}
    for x in recs:
        for d in x["diagnostics"]:
            if d["severity"] == "warning":
                by_code[d["code"]] = by_code.get(d["code"], 0) + 1
    check(stats["warnings_by_code"] == by_code, "warnings by code: %s / %s" % (stats["warnings_by_code"], by_code))
    check(stats["bytes"] == sum(os.path.getsize(p) for p in corpus_files(CORPUS)), "bytes")
    summary = r.stderr.decode().strip().splitlines()[-1]
    check(summary.startswith("postparse: %d files, " % len(recs)), "summary line: " + summary)
    check("%d with warnings" % warnings in summary, "summary warnings: " + summary)
    check("\r" not in r.stderr.decode(), "no progress bar when standard error is not a terminal")
    check(run(["-q", CORPUS]).stderr == b"", "--quiet says nothing")


def case_progress_terminal():
    """Under a pseudo-terminal the progress bar is drawn on standard error."""
    script = shutil.which("script")
    if not script:
        print("script(1) is not installed", file=sys.stderr)
        sys.exit(77)
    log = os.path.join(WORK, "tty.log")
    cmd = "'%s' --threads 1 '%s' > /dev/null" % (CLI, CORPUS)
    r = subprocess.run([script, "-qc", cmd, log], capture_output=True, timeout=600)
    with open(log, "rb") as f:
        typescript = f.read()
    check(b"files" in typescript and b"ETA" in typescript and b"\r" in typescript, "no progress bar on a terminal")
    check(r.returncode == 0, "exit %d under script" % r.returncode)


def peak_rss_kb(args):
    proc = subprocess.Popen([CLI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    check(os.waitstatus_to_exitcode(status) == 0, "exit status %d" % os.waitstatus_to_exitcode(status))
    return usage.ru_maxrss


def case_memory_flat():
    """Peak RSS stays flat (within 2x) from one pass over the corpus to 20,000 posts (the same
    posts again and again): a window in flight, not all.  The baseline is a whole pass because
    some memory grows with the variety of text seen, not with the number of posts: RE2 keeps
    the automaton states the profiles' patterns have needed, up to its own bound."""
    posts = corpus_files(CORPUS)
    sizes = {}
    one_pass = len(posts)
    for count in (one_pass, 20000):
        listing = os.path.join(WORK, "list-%d.txt" % count)
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(posts[i % len(posts)] for i in range(count)) + "\n")
        sizes[count] = peak_rss_kb(["-q", "--threads", "2", "--from-list", listing])
    check(sizes[20000] <= 2 * sizes[one_pass], "peak RSS %d KiB for 20,000 posts against %d KiB for %d"
          % (sizes[20000], sizes[one_pass], one_pass))
    print("peak RSS: %d posts %d KiB, 20,000 posts %d KiB" % (one_pass, sizes[one_pass], sizes[20000]))


def main():
    global CLI, CORPUS, WORK
    CLI, CORPUS, case, WORK = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    {"directory_order": case_directory_order, "inputs": case_inputs, "odd_files": case_odd_files,
     "outputs": case_outputs, "exit_statuses": case_exit_statuses, "summary_and_stats": case_summary_and_stats,
     "progress_terminal": case_progress_terminal, "memory_flat": case_memory_flat}[case]()
    print("ok")


if __name__ == "__main__":
    main()
