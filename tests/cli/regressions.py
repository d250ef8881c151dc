"""Regression tests of the postparse command, one per finding.

    regressions.py CLI FINDING WORKDIR

FINDING is one of: input_limit, whole_records, output_errors,
option_messages, zone_lookup_files.  Standard library only; exits non-zero
with a message on the first failed check, 77 when a finding cannot be
checked here (ctest SKIP_RETURN_CODE).
"""
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time

from checks import check, fail  # noqa: E402 (tests/cli is the script's folder)

CLI = WORKDIR = None


def write_post(name, title, body_bytes=0):
    path = os.path.join(WORKDIR, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\ntitle: %s\n---\n" % title)
        # Paragraphs of plain text, to make the record as long as asked.
        while body_bytes > 0:
            f.write("<p>%s</p>\n" % ("lorem ipsum " * 20))
            body_bytes -= 260
    return path


def run(args, **kwargs):
    return subprocess.run([CLI] + args, capture_output=True, timeout=60, **kwargs)


# --- 5: --max-input-bytes bounds what is read -------------------------------

# What reading up to the limit may add to the command's own peak RSS.  The
# command alone is a few MiB, but tens under a sanitizer's runtime (ASan's
# shadow and allocator), so the bound is over its idle footprint.
PEAK_RSS_OVER_IDLE_KB = 64 * 1024


WATCHDOG_RSS_KB = 1 << 20  # 1 GiB: an unbounded reader is stopped long before the machine suffers


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(args, stdin):
    """Runs the command; returns (exit status, stderr, peak RSS in KiB).
    A watchdog kills a child whose RSS passes 1 GiB or that runs 60 s, so an
    unbounded reader fails fast instead of taking the machine's memory.  (An
    address-space cap would do the same, but sanitizer runtimes need to
    reserve terabytes of address space for their shadow memory.)"""
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen([CLI] + args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err_file)
        done = threading.Event()

        def watch():
            deadline = time.monotonic() + 60
            while not done.wait(0.02):
                if time.monotonic() > deadline or rss_kb(proc.pid) > WATCHDOG_RSS_KB:
                    proc.kill()
                    return

        watchdog = threading.Thread(target=watch)
        watchdog.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS
        done.set()
        watchdog.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace")
    return proc.returncode, err, usage.ru_maxrss


def idle_rss_kb():
    """The command's peak RSS when it reads nothing (`--version`)."""
    _, _, rss = run_measured(["--version"], subprocess.DEVNULL)
    return rss


def input_limit():
    limit = 1 << 20
    rss_limit = idle_rss_kb() + PEAK_RSS_OVER_IDLE_KB
    # An endless stdin.
    with open("/dev/zero", "rb") as zero:
        code, err, rss = run_measured(["--max-input-bytes", str(limit), "-"], zero)
    check(code == 1, "endless stdin: exit %s, want 1 (stderr: %s)" % (code, err))
    check("--max-input-bytes" in err and str(limit) in err,
          "endless stdin: the message names neither the flag nor the limit: " + err)
    check("postparse: postparse" not in err, "doubled prefix: " + err)
    check(rss < rss_limit, "endless stdin: peak RSS %d KiB for a %d-byte limit (bound %d KiB)" % (rss, limit, rss_limit))
    # A large (sparse) file.
    big = os.path.join(WORKDIR, "big.md")
    with open(big, "wb") as f:
        f.truncate(512 << 20)
    code, err, rss = run_measured(["--max-input-bytes", str(limit), big], subprocess.DEVNULL)
    check(code == 1, "large file: exit %s, want 1 (stderr: %s)" % (code, err))
    check("--max-input-bytes" in err, "large file: message does not name the flag: " + err)
    check(rss < rss_limit, "large file: peak RSS %d KiB for a %d-byte limit (bound %d KiB)" % (rss, limit, rss_limit))
    os.remove(big)
    # A file of exactly the limit is read; one byte more is refused.
    exact = os.path.join(WORKDIR, "exact.md")
    with open(exact, "wb") as f:
        f.write(b"x" * 100)
    check(run(["--max-input-bytes", "100", exact]).returncode == 0, "a file of exactly the limit is refused")
    check(run(["--max-input-bytes", "99", exact]).returncode == 1, "a file over the limit is accepted")


# --- 8: every record is written whole ---------------------------------------

def whole_records():
    # Two records of ~20 KB (more than a stdio buffer), then standard input,
    # which the test holds open: the command is stopped between records.
    first = write_post("first.md", "first", 20000)
    second = write_post("second.md", "second", 20000)
    proc = subprocess.Popen([CLI, first, second, "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = b""
    deadline = time.monotonic() + 20
    while out.count(b"\n") < 2 and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                break
            out += chunk
    # A kill between records (here: while waiting on stdin).
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    out += proc.stdout.read()
    proc.stdin.close()
    check(out.endswith(b"\n"), "output cut mid-record after a kill: ...%r" % out[-60:])
    lines = out.split(b"\n")[:-1]
    check(len(lines) == 2, "%d finished records reached the output before the kill, want 2" % len(lines))
    sources = [json.loads(line)["source"] for line in lines]
    check(sources == [first, second], "records: %r" % sources)


# --- 9: write errors are errors ---------------------------------------------

def output_errors():
    post = write_post("post.md", "post", 2000)
    # A full disk.
    with open("/dev/full", "wb") as full:
        r = subprocess.run([CLI, post], stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = r.stderr.decode()
    check(r.returncode == 4, "/dev/full: exit %d, want 4" % r.returncode)
    check("No space left on device" in err and "output" in err, "/dev/full: message: " + err)
    # A closed standard output.
    r = subprocess.run(["sh", "-c", 'exec "$0" "$1" >&-', CLI, post], stderr=subprocess.PIPE, timeout=60)
    check(r.returncode == 4, "closed stdout: exit %d, want 4" % r.returncode)
    check(r.stderr.strip() != b"", "closed stdout: no message")
    # A reader that went away, with SIGPIPE ignored (Python ignores it, and
    # restore_signals=False passes that on): quiet, status 4, nothing lost
    # silently.
    read_end, write_end = os.pipe()
    os.close(read_end)
    r = subprocess.run([CLI] + [post] * 20, stdout=write_end, stderr=subprocess.PIPE, timeout=60,
                       restore_signals=False)
    os.close(write_end)
    check(r.returncode == 4, "closed pipe: exit %d, want 4" % r.returncode)
    check(r.stderr == b"", "closed pipe: should be quiet, said: %r" % r.stderr)
    # --help goes through stdio; its write error counts too.
    with open("/dev/full", "wb") as full:
        r = subprocess.run([CLI, "--help"], stdout=full, stderr=subprocess.PIPE, timeout=60)
    check(r.returncode == 4, "--help > /dev/full: exit %d, want 4" % r.returncode)
    # The status is documented.
    help_text = run(["--help"]).stdout.decode()
    check("4 the output could not be written" in " ".join(help_text.split()),
          "--help does not document exit status 4:\n" + help_text)


# --- 19: option values ------------------------------------------------------

def option_messages():
    post = write_post("post.md", "post")

    def refused(args, *words):
        r = run(args + [post])
        err = r.stderr.decode()
        check(r.returncode == 2, "%s: exit %d, want 2 (stderr: %s)" % (args, r.returncode, err))
        for word in words:
            check(word in err, "%s: message does not say %r: %s" % (args, word, err))
        check("postparse: postparse" not in err, "doubled prefix: " + err)
        check(len(err) < 300 and not any(len(tok) > 20 and tok.isdigit() for tok in err.split()),
              "%s: message with a huge number: %s" % (args, err))

    refused(["--timezone", "Mars/Olympus"], "--timezone", "Mars/Olympus")
    refused(["--max-depth", "0"], "--max-depth", "'0'")
    refused(["--max-depth", "18446744073709551616"], "--max-depth", "18446744073709551616")
    refused(["--max-input-bytes", "99999999999999999999999"], "--max-input-bytes")
    refused(["--max-depth", "0x10"], "--max-depth", "0x10")
    refused(["--max-depth", "1e3"], "--max-depth")
    refused(["--max-depth", "-5"], "--max-depth")
    refused(["--max-keys", "12abc"], "--max-keys")
    # Leading zeros are decimal: 010 is ten, not eight.  Nine levels of
    # nesting fit in 10 and not in 8.
    nested = os.path.join(WORKDIR, "nested.md")
    with open(nested, "w") as f:
        f.write("---\nroot:\n" + "".join("  " * d + "k%d:\n" % d for d in range(1, 9)) + "  " * 9 + "leaf: 1\n---\n")
    def depth_errors(value):
        r = run(["--max-depth", value, nested])
        check(r.returncode == 0, "--max-depth %s: exit %d: %s" % (value, r.returncode, r.stderr))
        return [d for d in json.loads(r.stdout)["diagnostics"] if d.get("code") == "depth_limit"]
    check(depth_errors("8"), "the nesting test post does not exceed depth 8")
    check(not depth_errors("10"), "the nesting test post exceeds depth 10")
    check(not depth_errors("010"), "--max-depth 010 was not read as ten")
    # The largest value is accepted.
    check(run(["--max-depth", "18446744073709551615", post]).returncode == 0, "2^64-1 refused")


# --- Zone names from a post never become file paths ------------------------

SKIP = 77


def zone_lookup_files():
    """A date naming a zone had its name joined to /usr/share/zoneinfo and
    lstat'ed/readlink'ed up to 40 times, per value, before the in-memory
    database was asked.  Watched with strace: no file operation may name
    text from the post."""
    import shutil
    strace = shutil.which("strace")
    if not strace:
        print("SKIP: no strace")
        sys.exit(SKIP)
    markers = ["Zz/NoSuchZoneMarker", "../../etc/ZoneMarkerPasswd", "Asia/ZoneMarker" + "x" * 4000]
    posts = []
    for i, zone in enumerate(markers + ["Asia/Shanghai"]):
        posts.append(os.path.join(WORKDIR, "zone%d.md" % i))
        with open(posts[-1], "w", encoding="utf-8") as f:
            f.write("---\ndate: 2021-07-31 12:00:00 %s\n---\nbody\n" % zone)
    trace = os.path.join(WORKDIR, "strace.txt")
    # LeakSanitizer cannot run under ptrace; the sanitizer builds check
    # leaks in every other test.
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
    r = subprocess.run([strace, "-f", "-e", "trace=%file", "-o", trace, CLI] + posts, capture_output=True,
                       timeout=60, env=env)
    if r.returncode != 0 and not os.path.exists(trace):
        print("SKIP: strace cannot trace here: %s" % r.stderr[:200])
        sys.exit(SKIP)
    check(r.returncode == 0, "exit %d: %s" % (r.returncode, r.stderr[:300]))
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    resolved = [doc["front_matter"]["dates"].get("/date") for doc in docs]
    check(resolved == [None] * len(markers) + ["2021-07-31T12:00:00+08:00"], "resolved dates: %s" % resolved)
    with open(trace, encoding="utf-8", errors="replace") as f:
        touched = [line.strip()[:200] for line in f if "ZoneMarker" in line]
    check(not touched, "file operations on zone names from the post: %s" % touched[:5])


FINDINGS = {f.__name__: f for f in (input_limit, whole_records, output_errors, option_messages, zone_lookup_files)}

if __name__ == "__main__":
    CLI, finding, WORKDIR = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    os.makedirs(WORKDIR, exist_ok=True)
    FINDINGS[finding]()
    print("ok: " + finding)
