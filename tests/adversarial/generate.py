#!/usr/bin/env python3
"""Writes the adversarial posts of tests/adversarial into a directory.

    generate.py OUTPUT_DIR [--only NAME ...] [--list]

Every input is a whole post (front matter + body) so that the runner can
check that the part which is *not* hostile survives: hostile front matter
comes with a normal body whose paragraphs carry the marker text BODY_MARK,
a hostile body comes with normal front matter whose title is TITLE.

The inputs are large (about 360 MB in all) and are never checked in: CMake
runs this script into the build tree (a ctest fixture).  Standard library
only; the whole run takes a few seconds.  Files whose content is unchanged
are not rewritten, so a second run is nearly free.
"""
import argparse
import hashlib
import os
import sys

TITLE = "Adversarial title"
BODY_MARK = "Body survives"

KIB = 1024
MIB = 1024 * 1024
DEEP = 1_000_000  # "1,000,000-deep"


def normal_front_matter():
    return ("---\ntitle: %s\ndate: 2021-07-31 12:27:53\ntags: [a, b]\n---\n" % TITLE).encode()


def normal_body():
    return ("<p>%s one.</p>\n<p>%s two, with a <a href=\"https://example.com/x\">link</a>.</p>\n"
            % (BODY_MARK, BODY_MARK)).encode()


def yaml_post(front_matter: bytes, body: bytes = None) -> bytes:
    return b"---\ntitle: " + TITLE.encode() + b"\n" + front_matter + b"\n---\n" + (body or normal_body())


def html_post(body: bytes) -> bytes:
    return normal_front_matter() + body


# --------------------------------------------------------------------------
# Front matter cases
# --------------------------------------------------------------------------

def billion_laughs():
    # 9 levels of 10 aliases: 10^9 "lol" nodes if expanded.
    lines = [b"a: &a [" + b", ".join([b"lol"] * 10) + b"]"]
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(("%s: &%s [" % (cur, cur)).encode() + b", ".join([("*%s" % prev).encode()] * 10) + b"]")
    return yaml_post(b"\n".join(lines))


def billion_laughs_block():
    # The same in block style, anchors on mappings, and the expansion used as a key.
    out = [b"l0: &l0\n  k: lol"]
    for i in range(1, 10):
        out.append(("l%d: &l%d\n" % (i, i)).encode() + b"\n".join(
            ("  - *l%d" % (i - 1)).encode() for _ in range(10)))
    out.append(b"? *l9\n: boom")
    return yaml_post(b"\n".join(out))


def alias_bytes():
    # One 512 KiB string aliased 100 times: 50 MiB of text if expanded, over
    # the 4 MiB alias byte limit; the node count (100) is well under its limit.
    big = b"x" * (512 * KIB)
    return yaml_post(b"s: &s " + big + b"\nl: [" + b", ".join([b"*s"] * 100) + b"]")


def alias_self():
    return yaml_post(b"a: &a [1, *a]\nb: &b {k: *b}")


def yaml_flow_seq_open():
    # 1,000,000 unclosed '[' (fits the default 1 MiB front matter limit).
    return yaml_post(b"v: " + b"[" * DEEP)


def yaml_flow_seq_closed():
    # 1,000,000-deep balanced sequence: 2 MB, over the default front matter
    # limit (one test expects that diagnostic, another raises the limit).
    return yaml_post(b"v: " + b"[" * DEEP + b"x" + b"]" * DEEP)


def yaml_flow_map_closed():
    # {a: {a: {a: ... x ... }}}, 1,000,000 deep: 5 MB.
    return yaml_post(b"v: " + b"{a: " * DEEP + b"x" + b"}" * DEEP)


def yaml_flow_map_open():
    # 200,000 unclosed '{a: ' (800 KB, under the default limit).
    return yaml_post(b"v: " + b"{a: " * 200_000)


def yaml_block_seq_deep():
    # "- - - - ... x": block sequences nested on one line, 1,000,000 deep (2 MB).
    return yaml_post(b"v:\n  " + b"- " * DEEP + b"x")


def yaml_many_keys():
    # 200,000 keys (over the 10,000 key limit), ~3 MB: needs a raised
    # front matter limit to get to the key limit.
    return yaml_post(b"\n".join(b"k%07d: v" % i for i in range(200_000)))


def yaml_renamed_keys():
    # 20,000 string keys "[k]#2" ... "[k]#20001" and 20,000 collection keys
    # [k] with the same text (accepted, each renamed in JSON with a warning):
    # every rename must skip the taken "[k]#n" names once, not once per
    # rename (quadratic: 4 x 10^8 candidate names).  ~450 KB; needs a raised
    # key limit.
    taken = (b'"[k]#%d": s' % n for n in range(2, 20_002))
    return yaml_post(b"\n".join(list(taken) + [b"[k]: c"] * 20_000))


def yaml_long_key():
    # One 1,000,000-byte plain key (YAML's implicit keys stop at 1024 chars).
    return yaml_post(b"k" * 1_000_000 + b": v")


def hexo_unfenced_deep():
    # Hexo's unfenced form (read with --hexo-unfenced): 1,000,000 unclosed '['
    # before the only fence; the probe must refuse it, all of it stays body.
    return (b"title: " + TITLE.encode() + b"\nv: " + b"[" * DEEP + b"\n---\n" + normal_body())


def json_fence_deep():
    # Hexo's ;;; JSON block: the members of an object, 1,000,000 unclosed '['.
    return (b';;;\n"title": "' + TITLE.encode() + b'",\n"v": ' + b"[" * DEEP + b"\n;;;\n" + normal_body())


def json_bare_deep():
    # Hugo's bare JSON object holding a 1,000,000-deep array (2 MB); the
    # split stage scans it for its closing brace.
    return (b'{"title": "' + TITLE.encode() + b'", "v": ' + b"[" * DEEP + b"1" + b"]" * DEEP +
            b"}\n" + normal_body())


def toml_array_deep():
    # 1,000,000-deep TOML array, closed (2 MB).
    return (b"+++\ntitle = \"" + TITLE.encode() + b"\"\nv = " + b"[" * DEEP + b"1" + b"]" * DEEP +
            b"\n+++\n" + normal_body())


def toml_inline_table_deep():
    # 1,000,000-deep inline tables: v = {a = {a = ... }} (6 MB).
    return (b"+++\ntitle = \"" + TITLE.encode() + b"\"\nv = " + b"{a = " * DEEP + b"1" + b"}" * DEEP +
            b"\n+++\n" + normal_body())


def toml_dotted_key_deep():
    # a.a.a.a... = 1 with 400,000 dots (800 KB), and a [table.header] as deep.
    return (b"+++\ntitle = \"" + TITLE.encode() + b"\"\n" + b"a." * 400_000 + b"a = 1\n[" +
            b"t." * 100_000 + b"t]\nx = 1\n+++\n" + normal_body())


def fm_too_large():
    # A 100 MB front matter block (over the 1 MiB front matter limit).
    return yaml_post(b"big: " + b"y" * (100 * MIB))


# --------------------------------------------------------------------------
# Body cases
# --------------------------------------------------------------------------

def html_div_deep():
    return html_post(b"<div>" * DEEP + b"<p>" + BODY_MARK.encode() + b" deep.</p>" + b"</div>" * DEEP)


def html_b_deep():
    # Formatting elements: the list of active formatting elements and the
    # adoption agency; the text after them is reconstructed.
    return html_post(b"<b>" * DEEP + b"<p>" + BODY_MARK.encode() + b" bold.</p>" + b"</b>" * DEEP +
                     b"<p>" + BODY_MARK.encode() + b" after.</p>")


def html_b_distinct():
    # Formatting elements with distinct attributes defeat the "Noah's Ark"
    # clause (at most 3 identical entries), so every one stays in the list of
    # active formatting elements and each <p> reconstructs all of them:
    # 2,000 x 100 = 200,000 elements made from a 27 KB input.
    return html_post(b"".join(b'<b id="%d">' % i for i in range(2000)) +
                     (b"<p>" + BODY_MARK.encode() + b" x.</p>") * 100)


def html_depth_table_cell():
    # The depth limit (512) is reached inside a table row, an end tag closes
    # the row, and a new cell opens: the limit once popped the stack empty.
    return html_post(b"<div>" * 507 + b"<table><td><a></tr><td>" + BODY_MARK.encode() + b" cell.")


def html_reconstruct_amplification():
    # 600 formatting elements with distinct attributes, closed by </p>, then
    # 23,000 paragraphs that each reconstruct them: 98 KB that would make
    # 13.8 million elements.  Reconstruction stops at the depth limit and the
    # node limit ends the tree; memory stays within the bound.
    return html_post(b"<p>" + b"".join(b"<b id=%d>" % i for i in range(600)) + b"</p>" +
                     b"<p>x" * 23000)


def html_node_limit_before_head():
    # <html>, then as many comments as the default node limit, then text: the
    # limit is reached while <head> is being made, before any body.
    return html_post(b"<html>" + b"<!---->" * 2_000_000 + b"x")


def html_div_deep_nolimit():
    # 30,000 nested <div>, read with the HTML depth limit at UINT64_MAX.
    n = 30_000
    return html_post(b"<div>" * n + b"<p>" + BODY_MARK.encode() + b" deep.</p>" + b"</div>" * n)


def html_table_deep():
    # 200,000 nested tables (6.6 MB): the implied <tbody> of each one.
    n = 200_000
    return html_post(b"<table><tr><td>" * n + BODY_MARK.encode() + b" cell." + b"</td></tr></table>" * n)


def html_misnested():
    # 100,000 misnested formatting runs (the adoption agency every time).
    return html_post(b"<b>x<a>y</b>z</a>" * 100_000 + b"<p>" + BODY_MARK.encode() + b" tail.</p>")


def html_inline_nested(ems=1000):
    # One paragraph of nested inline elements, each adding 1,000 bytes of
    # text: an inline span that kept a copy of its text would hold its whole
    # subtree's, ems^2/2 bytes in all (0.5 GB for a 1 MB input).
    return html_post(b"<p>" + (b"<em>" + b"z" * 1000) * ems + b"</p><p>" + BODY_MARK.encode() + b" tail.</p>")


def html_inline_nested_2mb():
    return html_inline_nested(2000)


def html_ancestor_classes(words=150, paragraphs=10_000):
    # 10,000 paragraphs 500 elements deep (under the depth limit), each
    # element with a class list of 150 words: reading every ancestor's classes
    # again for each paragraph costs 500 x words x paragraphs.  The "_2x"
    # input doubles words and paragraphs (twice the bytes, four times that).
    cls = b" ".join(b"c%d" % i for i in range(words))
    divs = 500
    return html_post((b'<div class="' + cls + b'">') * divs +
                     b"<p>x</p>\n" * paragraphs + b"<p>" + BODY_MARK.encode() + b" tail.</p>" + b"</div>" * divs)


def html_ancestor_classes_2x():
    return html_ancestor_classes(300, 20_000)


def html_xpath_256k():
    # 256 KB of small elements (about 26,000 of them), for a profile whose
    # selector would count all elements again for every element.
    unit = b"<div><p>x</p></div>\n"
    return html_post(unit * (256 * KIB // len(unit)) + b"<p>" + BODY_MARK.encode() + b" tail.</p>")


def html_long_line():
    # A 100 MB single-line body: one paragraph of 100 MB of text, no newline.
    return html_post(b"<p>" + b"x" * (100 * MIB) + b"</p><p>" + BODY_MARK.encode() + b" tail.</p>")


def html_long_line_words():
    # 16 MiB of words on one line, through the Markdown reader.
    words = b"lorem ipsum dolor sit amet "
    n = (16 * MIB) // len(words)
    return normal_front_matter() + words * n + b"\n\n" + BODY_MARK.encode() + b" tail.\n"


def html_amp():
    # 10 MiB of '&' in a paragraph (each one is kept as an ampersand).
    return html_post(b"<p>" + b"&" * (10 * MIB) + b"</p><p>" + BODY_MARK.encode() + b" tail.</p>")


def html_amp_noterm():
    # 10 MiB of '&amp' without semicolons (a legacy reference each time).
    return html_post(b"<p>" + b"&amp" * (10 * MIB // 4) + b"</p><p>" + BODY_MARK.encode() + b" tail.</p>")


def html_amp_attr():
    # 10 MiB of '&amp' without semicolons in an attribute value.
    return html_post(b'<p><a href="' + b"&amp" * (10 * MIB // 4) + b'">' + BODY_MARK.encode() +
                     b" link.</a></p>")


def html_many_paragraphs():
    # 500,000 tiny paragraphs (4 MB).
    return html_post(b"<p>x</p>" * 500_000 + b"<p>" + BODY_MARK.encode() + b" tail.</p>")


def html_node_limit():
    # 200,000 tiny paragraphs: 400,000 nodes, read with the node limit lowered
    # to 300,000 (the default, 2,000,000, needs a 16 MB input).
    return html_post(b"<p>" + BODY_MARK.encode() + b" head.</p>" + b"<p>x</p>" * 200_000)


def html_many_attributes():
    # One element with 1,000,000 distinct attributes (over the 1,000 attribute limit).
    return html_post(b"<p " + b" ".join(b"a%d=x" % i for i in range(DEEP)) + b">" + BODY_MARK.encode() +
                     b" attrs.</p>")


def html_dup_attributes():
    # One element with the same attribute 1,000,000 times (duplicate checks).
    return html_post(b"<p " + b"a=x " * DEEP + b">" + BODY_MARK.encode() + b" dup.</p>")


def html_many_elements_attrs():
    # 2,000 elements with 1,000 attributes each.
    el = b"<span " + b" ".join(b"a%d=x" % i for i in range(1000)) + b">y</span>"
    return html_post(b"<p>" + el * 2000 + b"</p><p>" + BODY_MARK.encode() + b" tail.</p>")


def html_comments():
    # 1,000,000 comments, and an unclosed one at the end.
    return html_post(b"<p>" + BODY_MARK.encode() + b" head.</p>" + b"<!-- c -->" * DEEP + b"<!-- never closed")


def md_quote_deep():
    # Markdown: 1,000,000-deep block quotes ("> > > ...") on one line.
    return normal_front_matter() + b"> " * DEEP + BODY_MARK.encode() + b" quoted.\n\n" + BODY_MARK.encode() + b" tail.\n"


def md_brackets():
    # Markdown: 1,000,000 '[' then 1,000,000 '](x)' (link resolution).
    return normal_front_matter() + BODY_MARK.encode() + b" head.\n\n" + b"[" * DEEP + b"a" + b"](x)" * DEEP + b"\n"


def md_emphasis():
    # Markdown: 1,000,000 unmatched '*' and '_' delimiters.
    return normal_front_matter() + BODY_MARK.encode() + b" head.\n\n" + b"*a _" * DEEP + b"\n"


# --------------------------------------------------------------------------
# Invalid UTF-8 and NUL bytes
# --------------------------------------------------------------------------

BAD = b"\xff\xfe\xc3\x28\xe2\x82\xf0\x9f\x98\xed\xa0\x80\xc0\xaf"  # invalid sequences of every kind


def utf8_open_fence():
    # Invalid bytes on the opening fence line: not a fence, all body.
    return b"---" + BAD + b"\ntitle: x\n---\n" + normal_body()


def utf8_close_fence():
    # Invalid bytes on the closing fence line: the block never closes.
    return b"---\ntitle: " + TITLE.encode() + b"\n---" + BAD + b"\n" + normal_body()


def utf8_fm_key():
    return yaml_post(b"k" + BAD + b": v\nother: fine")


def utf8_fm_value():
    return yaml_post(b"plain: a" + BAD + b"b\nquoted: \"a" + BAD + b"b\"\nsingle: 'a" + BAD + b"b'\n"
                     b"block: |\n  a" + BAD + b"b\nlist: [a" + BAD + b"b, c]")


def utf8_json_value():
    return (b';;;\n"title": "' + TITLE.encode() + b'",\n"bad": "a' + BAD + b'b"\n;;;\n' + normal_body())


def utf8_toml_value():
    return (b"+++\ntitle = \"" + TITLE.encode() + b"\"\nbad = \"a" + BAD + b"b\"\n+++\n" + normal_body())


def utf8_body():
    return html_post(b"<p>" + BODY_MARK.encode() + b" a" + BAD + b"b.</p>" + (b"<p>" + BAD * 1000 + b"</p>") * 100 +
                     b"<p>" + BODY_MARK.encode() + b" tail.</p>")


def utf8_attr():
    return html_post(b'<p title="t' + BAD + b'" ' + BAD + b'="v"><a href="h' + BAD + b'">' + BODY_MARK.encode() +
                     b' link.</a><img src="s' + BAD + b'" alt="a' + BAD + b'" class="c' + BAD + b'"></p>' +
                     b"<" + BAD + b">" + b"<p" + BAD + b">" + BODY_MARK.encode() + b" tail.</p>")


def utf8_markdown():
    return normal_front_matter() + b"# h" + BAD + b"\n\n" + BODY_MARK.encode() + b" a" + BAD + b"b [l" + BAD + \
        b"](u" + BAD + b") *e" + BAD + b"*\n\n" + BAD * 10000 + b"\n\n" + BODY_MARK.encode() + b" tail.\n"


def utf8_everywhere():
    # 4 MiB of random bytes (deterministic) after an intact front matter.
    h = hashlib.sha256(b"postparse").digest()
    chunks = []
    size = 0
    counter = 0
    while size < 4 * MIB:
        h = hashlib.sha256(h + counter.to_bytes(8, "little")).digest()
        counter += 1
        chunks.append(h)
        size += len(h)
    return html_post(b"<p>" + BODY_MARK.encode() + b" head.</p>" + b"".join(chunks))


def nul_front_matter():
    return yaml_post(b"plain: a\x00b\nquoted: \"a\x00b\"\nk\x00ey: v\nescaped: \"a\\0b\"")


def nul_body():
    return html_post(b"<p>" + BODY_MARK.encode() + b" a\x00b.</p><p t=\"\x00\">\x00</p>" + b"\x00" * (1 * MIB) +
                     b"<p>" + BODY_MARK.encode() + b" tail.</p><script>\x00</script><!--\x00--><\x00>")


def nul_everywhere():
    # 2 MiB of NUL bytes, a NUL before the fence too (a Markdown body: each
    # NUL becomes U+FFFD).
    return b"\x00---\n" + b"\x00" * 100 + b"\n---\n" + b"\x00" * (2 * MIB)


# --------------------------------------------------------------------------
# Options at their extremes: a moderately hostile post that stays bounded
# even when every limit is UINT64_MAX (aliases expand to ~100,000 nodes).
# --------------------------------------------------------------------------

def hostile_mix():
    fm = [b"a: &a [" + b", ".join([b"lol"] * 10) + b"]"]
    for prev, cur in zip("abcd", "bcde"):
        fm.append(("%s: &%s [" % (cur, cur)).encode() + b", ".join([("*%s" % prev).encode()] * 10) + b"]")
    fm.append(b"deep: " + b"[" * 60 + b"1" + b"]" * 60)  # under the default depth limit of 64
    fm.append(b"\n".join(b"k%05d: v" % i for i in range(12_000)))
    fm.append(b"date: 2021-02-30\nupdated: not a date\nn: 123456789012345678901234567890")
    body = (b"<div>" * 5000 + b"<p>" + BODY_MARK.encode() + b" deep.</p>" + b"</div>" * 5000 +
            b"<p " + b" ".join(b"a%d=x" % i for i in range(1500)) + b">" + BODY_MARK.encode() + b" attrs.</p>" +
            b"<p>" + b"&amp" * 1000 + b"</p>" + b"<b>x<a>y</b>z</a>" * 1000 + b"<p>a" + BAD + b"\x00b</p>" +
            b"<p>x</p>" * 10000 + b"<img src=a.png alt=b><!-- more --><p>" + BODY_MARK.encode() + b" tail.</p>")
    return yaml_post(b"\n".join(fm), body)


CASES = {
    "billion_laughs": billion_laughs,
    "billion_laughs_block": billion_laughs_block,
    "alias_bytes": alias_bytes,
    "alias_self": alias_self,
    "yaml_flow_seq_open": yaml_flow_seq_open,
    "yaml_flow_seq_closed": yaml_flow_seq_closed,
    "yaml_flow_map_open": yaml_flow_map_open,
    "yaml_flow_map_closed": yaml_flow_map_closed,
    "yaml_block_seq_deep": yaml_block_seq_deep,
    "yaml_many_keys": yaml_many_keys,
    "yaml_renamed_keys": yaml_renamed_keys,
    "yaml_long_key": yaml_long_key,
    "hexo_unfenced_deep": hexo_unfenced_deep,
    "json_fence_deep": json_fence_deep,
    "json_bare_deep": json_bare_deep,
    "toml_array_deep": toml_array_deep,
    "toml_inline_table_deep": toml_inline_table_deep,
    "toml_dotted_key_deep": toml_dotted_key_deep,
    "fm_too_large": fm_too_large,
    "html_div_deep": html_div_deep,
    "html_b_deep": html_b_deep,
    "html_b_distinct": html_b_distinct,
    "html_div_deep_nolimit": html_div_deep_nolimit,
    "html_depth_table_cell": html_depth_table_cell,
    "html_reconstruct_amplification": html_reconstruct_amplification,
    "html_node_limit_before_head": html_node_limit_before_head,
    "html_table_deep": html_table_deep,
    "html_misnested": html_misnested,
    "html_long_line": html_long_line,
    "html_long_line_words": html_long_line_words,
    "html_amp": html_amp,
    "html_amp_noterm": html_amp_noterm,
    "html_amp_attr": html_amp_attr,
    "html_many_paragraphs": html_many_paragraphs,
    "html_node_limit": html_node_limit,
    "html_many_attributes": html_many_attributes,
    "html_dup_attributes": html_dup_attributes,
    "html_many_elements_attrs": html_many_elements_attrs,
    "html_comments": html_comments,
    "md_quote_deep": md_quote_deep,
    "md_brackets": md_brackets,
    "md_emphasis": md_emphasis,
    "utf8_open_fence": utf8_open_fence,
    "utf8_close_fence": utf8_close_fence,
    "utf8_fm_key": utf8_fm_key,
    "utf8_fm_value": utf8_fm_value,
    "utf8_json_value": utf8_json_value,
    "utf8_toml_value": utf8_toml_value,
    "utf8_body": utf8_body,
    "utf8_attr": utf8_attr,
    "utf8_markdown": utf8_markdown,
    "utf8_everywhere": utf8_everywhere,
    "nul_front_matter": nul_front_matter,
    "nul_body": nul_body,
    "nul_everywhere": nul_everywhere,
    "hostile_mix": hostile_mix,
    "html_inline_nested": html_inline_nested,
    "html_inline_nested_2mb": html_inline_nested_2mb,
    "html_ancestor_classes": html_ancestor_classes,
    "html_ancestor_classes_2x": html_ancestor_classes_2x,
    "html_xpath_256k": html_xpath_256k,
}


def write_if_changed(path, data):
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as f:
                if f.read() == data:
                    return False
    except OSError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir", nargs="?")
    parser.add_argument("--only", nargs="*", default=None, help="generate these cases only")
    parser.add_argument("--list", action="store_true", help="print the case names and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if not args.output_dir:
        parser.error("OUTPUT_DIR is required")
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.abspath(args.output_dir)
    if out == here or out.startswith(here + os.sep):
        parser.error("refusing to write inputs into the source tree: %s" % out)
    os.makedirs(out, exist_ok=True)
    names = args.only if args.only else list(CASES)
    for name in names:
        if name not in CASES:
            parser.error("unknown case %s" % name)
        data = CASES[name]()
        changed = write_if_changed(os.path.join(out, name + ".post"), data)
        print("%-26s %12d bytes%s" % (name, len(data), "" if changed else " (unchanged)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
