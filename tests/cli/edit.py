"""End-to-end tests of `postparse set` and `postparse convert`, one case per ctest.

    edit.py CLI CASE WORKDIR

Standard library only; exits non-zero with a message on the first failed check.
"""
import difflib
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time

from checks import check, fail  # noqa: E402 (tests/cli is the script's folder)

CLI = WORK = None

POST = ("---\n"
        "# a comment that must stay\n"
        "title: Old title\n"
        "date: 2021-07-31 12:27:53\n"
        "count: 1\n"
        "tags:\n"
        "  - a\n"
        "  - b\n"
        "params:\n"
        "  draft: true\n"
        "---\n"
        "Body text.\n")


def run(args, stdin=None):
    return subprocess.run([CLI] + args, input=stdin, capture_output=True, timeout=600)


def write(name, text, mode=None):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)
    if mode is not None:
        os.chmod(path, mode)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def metadata(text):
    """The front matter as the parse mode reads it."""
    out = run(["-q", "--fields", "front_matter.data", "-"], stdin=text.encode("utf-8"))
    check(out.returncode == 0, "parse mode failed: %r" % out.stderr)
    return json.loads(out.stdout)["front_matter"]["data"]


def changed_lines(before, after):
    """The lines removed and added (as difflib sees them)."""
    diff = list(difflib.ndiff(before.splitlines(True), after.splitlines(True)))
    return [d for d in diff if d[:1] in "-+"]


def set_ok(args, text=POST):
    path = write("post.md", text)
    out = run(["set"] + args + [path])
    shown = [a if len(a) < 80 else a[:60] + "...(%d bytes)" % len(a) for a in args]
    check(out.returncode == 0, "set %s: exit %d: %s" % (shown, out.returncode, out.stderr.decode()[:500]))
    check(read(path) == text, "set %s without --in-place changed the file" % shown)
    return out.stdout.decode("utf-8")


def case_options():
    """Each action and each --type: only the edited line changes, the value reads back typed."""
    new = set_ok(["--key", "title", "--value", "New title"])
    check(changed_lines(POST, new) == ["- title: Old title\n", "+ title: New title\n"], "title: %r" % new)
    check("# a comment that must stay" in new, "the comment was lost")
    # A plain key name and its JSON pointer are the same key.
    check(set_ok(["--key", "/title", "--value", "New title"]) == new, "/title and title differ")
    new = set_ok(["--key", "tags", "--append", "c"])
    check(changed_lines(POST, new) == ["+   - c\n"], "append: %r" % changed_lines(POST, new))
    check(metadata(new)["tags"] == ["a", "b", "c"], "append did not read back")
    typed = {"3": 3, "-12": -12, "0x1F": 31, "1.5": 1.5, "true": True, "False": False, "null": None, "~": None,
             "007": "007", "": "", "hello world": "hello world", "2022-01-02": "2022-01-02T00:00:00Z"}
    for text, want in typed.items():
        got = metadata(set_ok(["--key", "count", "--value", text]))["count"]
        if isinstance(want, str) and want.endswith("Z"):
            check(isinstance(got, str) and got.startswith("2022-01-02"), "date %r read back as %r" % (text, got))
        else:
            check(got == want and type(got) is type(want), "--value %r read back as %r, not %r" % (text, got, want))
    forced = {("3", "string"): "3", ("true", "string"): "true", ("007", "int"): 7, ("3", "float"): 3.0,
              ("yes", "string"): "yes", ("", "null"): None}
    for (text, kind), want in forced.items():
        got = metadata(set_ok(["--key", "count", "--value", text, "--type", kind]))["count"]
        check(got == want and type(got) is type(want), "--type %s %r read back as %r" % (kind, text, got))
    new = set_ok(["--key", "date", "--value", "2022-01-02 03:04:05", "--type", "date"])
    check(changed_lines(POST, new) == ["- date: 2021-07-31 12:27:53\n", "+ date: 2022-01-02 03:04:05\n"], new)
    new = set_ok(["--key", "/params/extra", "--value", '{"a": [1, 2]}', "--type", "json"])
    check(metadata(new)["params"] == {"draft": True, "extra": {"a": [1, 2]}}, "json value: %r" % new)
    new = set_ok(["--key", "/params/draft", "--value", "false"])
    check(changed_lines(POST, new) == ["-   draft: true\n", "+   draft: false\n"], "nested: %r" % new)
    new = set_ok(["--key", "count", "--delete"])
    check(changed_lines(POST, new) == ["- count: 1\n"], "delete: %r" % new)
    new = set_ok(["--key", "/tags/0", "--delete"])
    check(metadata(new)["tags"] == ["b"], "delete item: %r" % new)
    new = set_ok(["--key", "tags", "--rename", "categories"])
    check(changed_lines(POST, new) == ["- tags:\n", "+ categories:\n"], "rename: %r" % new)
    new = set_ok(["--key", "a/b~c", "--value", "x"])  # a plain name is escaped as a pointer token
    check(metadata(new)["a/b~c"] == "x", "escaped key: %r" % new)
    # Long values are typed without recursion (std::regex overflowed the stack on these).
    for text, want in (("1." + "1" * 100000, float), ("1" * 100000, str), ("2021-01-01 " + "9" * 100000, str)):
        got = metadata(set_ok(["--key", "count", "--value", text]))["count"]
        check(type(got) is want, "a %d-byte value read back as %s" % (len(text), type(got).__name__))
    out = run(["set", "--key", "title", "--value", "From stdin", "-"], stdin=POST.encode())
    check(out.returncode == 0 and b"title: From stdin\n" in out.stdout, "standard input: %r" % out.stdout)


def case_convert():
    """convert --to toml/json/yaml keeps keys in order and the body; the data round-trips."""
    path = write("post.md", POST)
    data = metadata(POST)
    text = POST
    for fmt, fence in (("toml", "+++\n"), ("json", "{\n"), ("yaml", "---\n")):
        out = run(["convert", "--to", fmt, path])
        check(out.returncode == 0, "convert --to %s: %s" % (fmt, out.stderr.decode()))
        text = out.stdout.decode()
        check(text.startswith(fence) and text.endswith("Body text.\n"), "convert --to %s: %r" % (fmt, text))
        check(list(metadata(text)) == list(data), "convert --to %s: key order %r" % (fmt, list(metadata(text))))
        write("post.md", text)
    check(metadata(text)["tags"] == ["a", "b"] and metadata(text)["params"] == {"draft": True}, text)
    out = run(["convert", "--to", "toml", write("null.md", "---\nx: null\n---\n")])
    check(out.returncode == 1 and b"null.md" in out.stderr and b"not_representable" in out.stderr,
          "null to TOML: %r" % out.stderr)
    check(run(["convert", "--to", "xml", path]).returncode == 2, "--to xml accepted")


def case_utf16():
    """A UTF-16 post is edited as its UTF-8 text: the diff is of that text, a no-op leaves the file,
    and --in-place writes UTF-8 with a note."""
    text = "---\ntitle: Old 标题\n---\nBody\n"
    path = write("u16.md", b"\xff\xfe" + text.encode("utf-16-le"))
    out = run(["set", "--key", "title", "--value", "New", "--dry-run", path])
    text = "\ufeff" + text  # the decoded text keeps the byte order mark, as UTF-8's
    want = "".join(difflib.unified_diff(text.splitlines(True), text.replace("Old 标题", "New").splitlines(True),
                                        "a/" + path, "b/" + path))
    check(out.returncode == 0 and out.stdout.decode() == want, "UTF-16 diff: %r" % out.stdout)
    before = open(path, "rb").read()
    check(run(["set", "--key", "title", "--value", "Old 标题", "-i", path]).returncode == 0, "no-op failed")
    check(open(path, "rb").read() == before, "a no-op rewrote the UTF-16 post")
    out = run(["set", "--key", "title", "--value", "New", "-i", path])
    check(out.returncode == 0 and b"written back as UTF-8" in out.stderr, "no note: %r" % out.stderr)
    check(read(path) == text.replace("Old 标题", "New"), "UTF-16 in place: %r" % open(path, "rb").read())


def apply_unified(before, diff):
    """Applies a unified diff (as diff -u writes it) to `before`; checks its headers."""
    lines = diff.splitlines(True)
    check(lines[0].startswith("--- a/") and lines[1].startswith("+++ b/"), "diff headers: %r" % lines[:2])
    old = before.splitlines(True)
    out, at, i = [], 0, 2
    while i < len(lines):
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n", lines[i])
        check(m, "not a hunk header: %r" % lines[i])
        start, count = int(m.group(1)), int(m.group(2) or 1)
        first = start - 1 if count else start
        out += old[at:first]
        at = first
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            line = lines[i]
            if i + 1 < len(lines) and lines[i + 1].startswith("\\ No newline"):
                line = line[:-1]
                i += 1
            if line[0] in " -":
                check(old[at] == line[1:], "context/removed line %r is %r" % (line[1:], old[at]))
                at += 1
            if line[0] in " +":
                out.append(line[1:])
            i += 1
    return "".join(out + old[at:])


def case_dry_run():
    """--dry-run prints `diff -u` output (a/ b/ paths) and writes nothing; no change, no output."""
    path = write("post.md", POST)
    out = run(["set", "--key", "title", "--value", "New", "--dry-run", path])
    want = "".join(difflib.unified_diff(POST.splitlines(True), POST.replace("Old title", "New").splitlines(True),
                                        "a/" + path, "b/" + path))
    check(out.returncode == 0 and out.stdout.decode() == want, "dry run:\n%s\nwanted:\n%s" % (out.stdout.decode(), want))
    check(read(path) == POST, "--dry-run wrote the file")
    out = run(["set", "--key", "title", "--value", "Old title", "-n", path])
    check(out.returncode == 0 and out.stdout == b"", "a no-op edit printed a diff: %r" % out.stdout)
    # A large front matter written afresh: the diff stays quick and correct past its edit bound.
    text = "---\n" + "".join("key%d: value %d  # note\n" % (i, i) for i in range(5000)) + "---\nbody\n"
    path = write("large.md", text)
    start = time.monotonic()
    diff = run(["convert", "--to", "toml", "--dry-run", path])
    new = run(["convert", "--to", "toml", path])
    check(diff.returncode == 0 and new.returncode == 0, "large convert failed: %r" % diff.stderr[:300])
    check(apply_unified(text, diff.stdout.decode()) == new.stdout.decode(), "the large diff does not apply")
    check(time.monotonic() - start < 60, "the large diff took %.1f s" % (time.monotonic() - start))
    # Changes far apart give separate hunks; one near the end, a last line without a line end.
    rng = random.Random(7)
    for n in range(40):
        keys = ["k%d: %d\n" % (i, i) for i in range(rng.randint(1, 30))]
        body = "".join("line %d\n" % rng.randint(0, 5) for _ in range(rng.randint(0, 20)))
        if rng.random() < 0.3:
            body += "no end"
        text = "---\n" + "".join(keys) + "---\n" + body
        path = write("r%d.md" % n, text)
        key = "k%d" % rng.randrange(len(keys))
        action = rng.choice([["--value", "changed\nover two lines"], ["--delete"], ["--rename", "renamed"]])
        new = run(["set", "--key", key] + action + [path])
        diff = run(["set", "--key", key] + action + ["--dry-run", path])
        check(new.returncode == 0 and diff.returncode == 0, "random edit %d failed" % n)
        check(apply_unified(text, diff.stdout.decode()) == new.stdout.decode(),
              "the diff does not turn the old post into the new one:\n" + diff.stdout.decode())


def case_multiple_files():
    """Several files need --in-place or --dry-run; each is done; a failing one does not stop the rest."""
    paths = [write("m%d.md" % i, POST.replace("Old title", "T%d" % i)) for i in range(3)]
    out = run(["set", "--key", "title", "--value", "X"] + paths)
    check(out.returncode == 2 and b"--in-place or --dry-run" in out.stderr, "several files to stdout: %r" % out.stderr)
    bad = write("bad.md", "---\ntitle: [unclosed\n---\nx\n")
    out = run(["set", "--key", "tags", "--append", "new", "--in-place", paths[0], bad, paths[1], "missing.md", paths[2]])
    check(out.returncode == 1, "exit %d with a bad file" % out.returncode)
    for i, p in enumerate(paths):
        check(metadata(read(p))["tags"] == ["a", "b", "new"], "file %d not edited" % i)
    err = out.stderr.decode()
    check("bad.md: the front matter has errors" in err and "[not_editable]" in err, err)
    check("missing.md: cannot open" in err, err)
    out = run(["set", "--key", "title", "--value", "Y", "--dry-run"] + paths)
    check(out.stdout.decode().count("+++ b/") == 3, "dry run of three files: %r" % out.stdout)


def case_errors():
    """Each library status is a message naming the file, the key and the problem; exit 1."""
    path = write("post.md", POST)
    toml = write("post.toml.md", "+++\ntitle = \"x\"\n+++\nbody\n")
    alias = write("alias.md", "---\nbase: &b 1\ncopy: *b\n---\nbody\n")
    cases = [
        (["--key", "/tags/x", "--delete", path], "/tags/x", "bad_path"),
        (["--key", "nope", "--delete", path], "nope", "not_found"),
        (["--key", "/missing/child", "--value", "1", path], "/missing/child", "not_found"),
        (["--key", "title", "--append", "x", path], "title", "wrong_kind"),
        (["--key", "/title/x", "--value", "1", path], "/title/x", "wrong_kind"),
        (["--key", "title", "--rename", "count", path], "title", "key_exists"),
        (["--key", "title", "--value", "null", toml], "title", "not_representable"),
        (["--key", "copy", "--value", "2", alias], "copy", "edit_unsupported"),
        (["--key", "date", "--value", "2021-13-45", "--type", "date", path], "date", "invalid_date"),
        (["--key", "x", "--value", "{bad", "--type", "json", path], "x", "syntax"),
    ]
    for args, key, status in cases:
        out = run(["set"] + args)
        err = out.stderr.decode()
        check(out.returncode == 1, "%s: exit %d" % (args, out.returncode))
        check(re.search(r"^postparse set: .*%s: %s: .+\[%s\]$" % (re.escape(os.path.basename(args[-1])),
                                                                  re.escape(key), status), err, re.M),
              "%s: message %r" % (args, err))
        check(out.stdout == b"", "%s: printed a post" % args)
    out = run(["set", "--key", "count", "--value", "abc", "--type", "int", path])
    check(out.returncode == 1 and b"does not read as --type int" in out.stderr, out.stderr)
    for args in (["--key", "title", path], ["--key", "t", "--value", "1", "--delete", path], ["--value", "1", path],
                 ["--key", "t", "--delete", "--type", "int", path], ["--key", "t", "--value", "1", "-i", "-"],
                 ["--key", "t", "--value", "1", "-i", "-n", path], ["--key", "t", "--append", "{}", "--type", "json", path]):
        out = run(["set"] + args)
        check(out.returncode == 2 and out.stderr, "usage error %s: exit %d" % (args, out.returncode))
    check(read(path) == POST, "a failed edit changed the file")


def leftovers(directory, name):
    pattern = re.compile(r"^\.%s\.postparse-.{6}\.tmp$" % re.escape(name))
    names = [n for n in os.listdir(directory) if n != name]
    strays = [n for n in names if not pattern.match(n)]
    check(not strays, "stray files beside the post: %r" % strays)
    return names


def case_in_place():
    """--in-place keeps the permission bits, follows a symlink, leaves an unchanged file alone, and
    killed (SIGKILL) at random moments leaves the whole old or the whole new file, and at most one
    clearly named temporary file, which the next run removes."""
    path = write("perm.md", POST, 0o640)
    check(run(["set", "--key", "title", "--value", "New", "-i", path]).returncode == 0, "in place failed")
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o640, "mode %o" % stat.S_IMODE(os.stat(path).st_mode))
    check(read(path) == POST.replace("Old title", "New"), "in place content")
    link = os.path.join(WORK, "link.md")
    os.symlink("perm.md", link)
    check(run(["set", "--key", "title", "--value", "Via link", "-i", link]).returncode == 0, "via link failed")
    check(os.path.islink(link) and "title: Via link" in read(path), "the symlink was replaced")
    before = os.stat(path).st_mtime_ns
    time.sleep(0.01)
    check(run(["set", "--key", "title", "--value", "Via link", "-i", path]).returncode == 0, "no-op failed")
    check(os.stat(path).st_mtime_ns == before, "a no-op edit rewrote the file")

    kill_dir = os.path.join(WORK, "kill")
    os.makedirs(kill_dir, exist_ok=True)
    body = "".join("Paragraph %d of a long post, with some words to make it larger.\n\n" % i for i in range(100000))
    texts = [POST.replace("Body text.\n", body).replace("Old title", t) for t in ("Title A", "Title B")]
    big = os.path.join(kill_dir, "big.md")
    with open(big, "w") as f:
        f.write(texts[0])
    check(len(texts[0]) > 5_000_000, "the big post is only %d bytes" % len(texts[0]))
    start = time.monotonic()
    check(run(["set", "--key", "title", "--value", "Title B", "-i", big]).returncode == 0, "big edit failed")
    full = time.monotonic() - start
    check(read(big) == texts[1], "big edit content")
    rng = random.Random(15)
    current, killed_mid = 1, 0
    for attempt in range(30):
        target = 1 - current
        proc = subprocess.Popen([CLI, "set", "--key", "title", "--value", ("Title A", "Title B")[target], "-i", big],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full * 1.2))
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        text = read(big)
        check(text in texts, "attempt %d: the file is neither the old nor the new post (%d bytes)" % (attempt, len(text)))
        if code == -signal.SIGKILL:
            killed_mid += 1
        current = texts.index(text)
        temps = leftovers(kill_dir, "big.md")
        check(len(temps) <= 1, "attempt %d: %d temporary files left: %r" % (attempt, len(temps), temps))
    check(killed_mid > 0, "no run was killed before it ended")
    check(run(["set", "--key", "title", "--value", "Title C", "-i", big]).returncode == 0, "edit after kills failed")
    check(leftovers(kill_dir, "big.md") == [], "the temporary file was not cleaned up")
    print("killed %d of 30 runs mid-way (a full run takes %.3f s)" % (killed_mid, full))


def main():
    global CLI, WORK
    CLI, case, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
    if os.path.isdir(WORK):
        import shutil
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    globals()["case_" + case]()
    print("ok")


if __name__ == "__main__":
    main()
