#!/usr/bin/env python3
"""Regressions of the output found by a hostile user, one per ctest.

  regressions.py POSTPARSE CASE WORKDIR

Each case writes a small post into WORKDIR, runs the command on it and
checks what a user relies on; the expected values are worked out here
(Python's zoneinfo for dates), not copied from postparse's output.
Exit status 0 when the case holds, 1 with what failed.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import zoneinfo

RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)
# Every control but \n; the tabs that are allowed are blanked before a search.
CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def write_post(workdir, name, data):
    path = os.path.join(workdir, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, timeout=60)
    expect(result.returncode == 0, f"{args} exited {result.returncode}: {result.stderr[:300]!r}")
    return result.stdout


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    expect(len(keys) == len(set(keys)), f"an object repeats a key: {keys}")
    return dict(pairs)


def parse_json(output):
    return json.loads(output, object_pairs_hook=no_duplicates)


# ----------------------------------------------------------------- cases ----

def markdown_block_start_emphasis(binary, workdir):
    """Emphasis opening a block was escaped ("\\**Bold** start")."""
    post = write_post(workdir, "emphasis.md", "---\n---\n<p><strong>Bold</strong> start</p><ul><li><b>x</b> y</li></ul>\n")
    out = run(binary, "--format", "markdown", post).decode()
    expect(out == "**Bold** start\n\n- **x** y\n\n", f"Markdown output {out!r}")


def raw_text_form(binary, workdir):
    """--text-form raw leaked the internal line-break marker (CR) and lost links."""
    post = write_post(workdir, "raw.md", "---\n---\n<p>one\ntwo <a href=\"/u\">the\nlink</a> end</p>\n")
    doc = parse_json(run(binary, "--text-form", "raw", post))
    texts = [p["text"] for p in doc["paragraphs"]] + [l["text"] for l in doc["links"]]
    expect(all("\r" not in t for t in texts), f"CR in raw text: {texts!r}")
    expect(doc["paragraphs"][0]["text"] == "one\ntwo the\nlink end", f"raw text {doc['paragraphs'][0]['text']!r}")
    for form in ("nfc", "nfkc", "raw"):
        md = run(binary, "--format", "markdown", "--text-form", form, post).decode()
        expect("](</u>)" in md, f"no link in --text-form {form} Markdown: {md!r}")
        expect("\r" not in md and "\r" not in run(binary, "--format", "text", "--text-form", form, post).decode(),
               f"CR in --text-form {form} output")


def allowed_tabs_blanked(output, form, paragraphs):
    """The output with the tabs the text rules allow (raw text, pre
    paragraphs, as README.md says) turned into spaces; any other tab is
    still there for CONTROL to find."""
    if form == "raw":
        return output.replace(b"\t", b" ")
    for p in paragraphs:
        if p["kind"] == "pre":
            pre = p["text"].encode("utf-8")
            output = output.replace(pre, pre.replace(b"\t", b" "))
    return output


def control_characters(binary, workdir):
    """ESC and other controls reached --format text (terminal escape injection)."""
    hostile = ("---\n---\n<p>red \x1b[31mtext\x1b[0m bell\x07 nul&#0; del\x7f c1\u009b2J \u0085next"
               " ref&#27;[1m &#x9b; tab\tend</p><pre>code\x1b[2J\tindent</pre>"
               "<p><a href=\"/x\x1b]8;;evil\">link\x1b[5m</a></p>\n").encode("utf-8")
    post = write_post(workdir, "hostile.md", hostile)
    for form in ("nfc", "nfkc", "raw"):
        paragraphs = parse_json(run(binary, "--text-form", form, post))["paragraphs"]
        expect(any(p["kind"] == "pre" for p in paragraphs), f"{form}: no pre paragraph in {paragraphs}")
        for fmt in ("text", "markdown", "jsonl"):
            out = run(binary, "--format", fmt, "--text-form", form, post)
            text = out if fmt != "jsonl" else "".join(p["text"] for p in parse_json(out)["paragraphs"]).encode("utf-8")
            found = CONTROL.search(allowed_tabs_blanked(text, form, paragraphs))
            expect(found is None, f"--format {fmt} --text-form {form}: control {found and found.group()!r} in {text!r}")
        doc = parse_json(run(binary, "--text-form", form, post))
        expect(doc["paragraphs"][0]["text"].startswith("red [31mtext[0m bell nul"),
               f"{form}: text {doc['paragraphs'][0]['text']!r}")


def json_duplicate_keys(binary, workdir):
    """Keys that differ in kind but not text were written twice in one JSON object."""
    post = write_post(workdir, "keys.md", "---\n"
                      "1: int\n"             # line 2
                      "\"1\": str\n"         # line 3
                      "true: bool\n"         # line 4
                      "\"true\": text\n"     # line 5
                      "[a]: seq\n"           # line 6
                      "[a]: seq2\n"          # line 7
                      "\"1#2\": written\n"   # line 8
                      "date: 2021-01-01\n"
                      "\"date\": 2021-01-02\n"   # a true duplicate: one key, an error
                      "---\nbody\n")
    doc = parse_json(run(binary, post))
    data = doc["front_matter"]["data"]
    expect(data["1"] == "int" and data["true"] == "bool" and data["1#2"] == "written",
           f"first keys keep their text: {data}")
    expect(sorted(data.values()) == sorted(["int", "str", "bool", "text", "seq", "seq2", "written", "2021-01-01"]),
           f"every value is in the JSON: {data}")
    warnings = {d["line"] for d in doc["diagnostics"] if d["code"] == "duplicate_key" and d["severity"] == "warning"}
    expect(warnings == {3, 5, 7}, f"a warning at each renamed key (lines 3, 5, 7), got {doc['diagnostics']}")
    # docs/json-schema.md: the n-th key with a text gets "#n", past names taken.
    expect(set(data) == {"1", "1#3", "true", "true#2", "[a]", "[a]#2", "1#2", "date"}, f"JSON keys {list(data)}")
    messages = {d["line"]: d["message"] for d in doc["diagnostics"] if d["severity"] == "warning"}
    expect("'1#3'" in messages[3] and "'true#2'" in messages[5] and "'[a]#2'" in messages[7],
           f"each warning names the key's JSON name: {messages}")
    pointers = list(doc["front_matter"]["dates"])
    expect(pointers == ["/date"], f"date pointers {pointers}")


def rfc3339_lmt_offset(binary, workdir):
    """An instant in local mean time was written with a seconds offset (+08:05:43)."""
    post = write_post(workdir, "lmt.md", "---\ndate: 1900-01-01 12:00\nupdated: 1800-06-01T00:00:00+05:53:28\n---\nx\n")
    doc = parse_json(run(binary, "--timezone", "Asia/Shanghai", post))
    dates = doc["front_matter"]["dates"]
    written = datetime.datetime(1900, 1, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    old = datetime.datetime(1800, 6, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=53, seconds=28)))
    for pointer, expected in (("/date", written), ("/updated", old)):
        value = dates[pointer]
        expect(RFC3339.match(value), f"{pointer}: {value!r} is not RFC 3339")
        got = datetime.datetime.fromisoformat(value)
        expect(got == expected, f"{pointer}: {value} is not the instant {expected.isoformat()}")
        # The offset is the one in force, rounded to the minute.
        want_minutes = round(expected.utcoffset().total_seconds() / 60)
        expect(got.utcoffset().total_seconds() == want_minutes * 60, f"{pointer}: offset of {value}")


def dst_warnings(binary, workdir):
    """A naive time in a DST gap went silently to the gap's end; a repeated one silently to the first."""
    post = write_post(workdir, "dst.md", "---\ndate: 2021-03-14 02:30\nupdated: 2021-11-07 01:30\n"
                      "lastmod: 2021-07-01 02:30\n---\nx\n")
    doc = parse_json(run(binary, "--timezone", "America/New_York", post))
    dates = doc["front_matter"]["dates"]
    zone = zoneinfo.ZoneInfo("America/New_York")
    # fold=0: a skipped time is read with the offset before the gap (so it
    # moves forward by the gap), a repeated one as its first occurrence.
    gap = datetime.datetime(2021, 3, 14, 2, 30, tzinfo=zone)
    repeated = datetime.datetime(2021, 11, 7, 1, 30, tzinfo=zone, fold=0)
    for pointer, expected in (("/date", gap), ("/updated", repeated)):
        got = datetime.datetime.fromisoformat(dates[pointer])
        expect(got.timestamp() == expected.timestamp(), f"{pointer}: {dates[pointer]}, expected {expected}")
        expect(RFC3339.match(dates[pointer]), f"{pointer}: not RFC 3339")
    expect(dates["/date"] == "2021-03-14T03:30:00-04:00", f"/date: {dates['/date']}")
    expect(dates["/updated"] == "2021-11-07T01:30:00-04:00", f"/updated: {dates['/updated']}")
    warnings = [d for d in doc["diagnostics"] if d["severity"] == "warning" and d["part"] == "front_matter"]
    lines = sorted(d["line"] for d in warnings)
    expect(lines == [2, 3], f"one warning for each of lines 2 and 3, got {warnings}")
    by_line = {d["line"]: d["message"] for d in warnings}
    expect("nonexistent" in by_line[2] and "America/New_York" in by_line[2] and "03:30" in by_line[2],
           f"gap warning: {by_line[2]}")
    expect("ambiguous" in by_line[3] and "first" in by_line[3], f"overlap warning: {by_line[3]}")


CASES = {
    "markdown_block_start_emphasis": markdown_block_start_emphasis,
    "raw_text_form": raw_text_form,
    "control_characters": control_characters,
    "json_duplicate_keys": json_duplicate_keys,
    "rfc3339_lmt_offset": rfc3339_lmt_offset,
    "dst_warnings": dst_warnings,
}


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in CASES:
        print(__doc__ + "\ncases: " + ", ".join(CASES), file=sys.stderr)
        return 2
    binary, case, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    try:
        CASES[case](binary, workdir)
    except Failure as e:
        print(f"FAIL {case}: {e}", file=sys.stderr)
        return 1
    print(f"ok {case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
