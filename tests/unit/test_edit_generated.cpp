// Random edits of generated posts in the three formats: strings drawn from
// the characters that need quoting or escapes, random keys and paths.
// Every operation either fails with a status that names a reason (never the
// verify status for a plain scalar or list written at a key, never an
// internal error) or gives a post that reads back with exactly that change.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>

#include "edit_helpers.h"
#include "helpers.h"

namespace {

using postparse::Edit;
using postparse::Scalar;

struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::string random_text(Random &r) {
  static const char *const kPieces[] = {
      "a", "Z", " ", ": ",   " #",   "#",  "-",   "'",  "\"",  "\\",  "\n",         "\t",        "[",   "]",
      "{", "}", ",", "true", "null", "1",  "0x1", ".5", "~",   "&",   "*",          "!",         "|",   ">",
      "%", "@", "`", "中",   "é",    "\r", "=",   "+",  "---", "...", "2021-07-31", " 12:00:00", "\x01"};
  std::string out;
  std::size_t n = r.below(6);
  for (std::size_t i = 0; i < n; ++i) out += kPieces[r.below(sizeof kPieces / sizeof kPieces[0])];
  return out;
}

Scalar random_scalar(Random &r) {
  switch (r.below(6)) {
    case 0:
      return Scalar::integer(static_cast<std::int64_t>(r.next()));
    case 1:
      return Scalar::number(static_cast<double>(r.below(100000)) / 64.0 - 700.0);
    case 2:
      return Scalar::boolean(r.below(2) == 1);
    default:
      return Scalar::string(random_text(r));
  }
}

std::string json_quoted(const std::string &text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (u < 0x20)
      out += std::string("\\u00") + kHex[u >> 4] + kHex[u & 15];
    else
      out += c;
  }
  return out + "\"";
}

// A random JSON value: objects and arrays of the strings above, numbers,
// booleans and nulls, nested up to `depth`.
std::string random_json(Random &r, int depth) {
  switch (depth > 0 ? r.below(6) : r.below(4)) {
    case 0:
      return json_quoted(random_text(r));
    case 1:
      return std::to_string(static_cast<long long>(r.next() % 2000) - 1000);
    case 2:
      return r.below(2) ? "true" : "null";
    case 3:
      return "1.5e3";
    case 4: {
      std::string out = "[";
      for (std::size_t i = 0, n = r.below(3); i < n; ++i) out += (i ? ", " : "") + random_json(r, depth - 1);
      return out + "]";
    }
    default: {
      std::string out = "{";
      for (std::size_t i = 0, n = r.below(3); i < n; ++i)
        out += (i ? ", " : "") + json_quoted(random_text(r) + std::to_string(i)) + ": " +
               random_json(r, depth - 1);
      return out + "}";
    }
  }
}

const char *const kPosts[] = {
    "---\ntitle: Hello\ntags:\n- a\n- b\nflow: [x, 'y']\nmeta:\n  k: v # note\n  n: 1\ndate: 2021-07-31 "
    "12:27:53\nnul:\nitems:\n-\n- x\n-\n---\nbody\n",
    "\n---\r\ntitle: 'q'\r\nlist:\r\n    -   one\r\nm: {a: 1, b: \"two\"}\r\nt: |\r\n  block\r\n  "
    "text\r\n---\r\nbody\r\n",
    "{\n  \"title\": \"x\",\n  \"tags\": [\"a\", \"b\"],\n  \"m\": {\n    \"k\": 1\n  }\n}\nbody\n",
    ";;;\n\"title\": \"x\",\n\"tags\": []\n;;;\nbody\n",
    "+++\ntitle = \"x\"\ntags = ['a']\ninline = { a = 1 }\n[params]\nk = 2\n+++\nbody\n",
    "no front matter\n",
};

const char *const kPaths[] = {"/title",  "/tags",   "/tags/0",   "/tags/1",  "/flow",     "/flow/1",
                              "/meta",   "/meta/k", "/m",        "/m/a",     "/m/k",      "/list",
                              "/list/0", "/t",      "/params/k", "/new",     "/inline/a", "/date",
                              "/params", "/nul",    "/items",    "/items/0", "/items/2"};

}  // namespace

TEST_CASE("edit: random edits of generated posts read back as the change made", "[edit]") {
  Random r{0x9E3779B97F4A7C15ull};
  std::size_t ops = 0, done = 0, refused = 0;
  std::map<int, std::size_t> statuses;
  for (const char *post : kPosts) {
    for (int round = 0; round < 600; ++round) {
      postparse::Document doc = postparse::Document::parse(post);
      Edit edit(doc);
      std::string text(doc.source());
      for (int step = 0; step < 6; ++step) {
        std::string path = kPaths[r.below(sizeof kPaths / sizeof kPaths[0])];
        Scalar value = random_scalar(r);
        int op = static_cast<int>(r.below(6));
        Scalar second = random_scalar(r);
        std::string json = random_json(r, 3);
        INFO(text << "\nop " << op << " at " << path << " json " << json << " value '"
                  << std::string(value.get().text.data, value.get().text.len) << "' second '"
                  << std::string(second.get().text.data, second.get().text.len) << "'");
        ++ops;
        try {
          switch (op) {
            case 0:
              edit.set(path, value);
              break;
            case 1:
              edit.append(path, value);
              break;
            case 2:
              edit.remove(path);
              break;
            case 3:
              edit.set_list(path, {second, value});
              break;
            case 4:
              edit.rename(path, random_text(r) + "k");
              break;
            default:
              edit.set_json(path, json);
              break;
          }
        } catch (const postparse::Error &e) {
          ++refused;
          ++statuses[e.status()];
          // A scalar or a list set at a key of a mapping is always written.
          bool plain_set = (op == 0 || op == 3 || op == 5) && e.status() == POSTPARSE_ERR_EDIT_VERIFY;
          CHECK_FALSE(plain_set);
          CHECK(e.status() != POSTPARSE_ERR_INTERNAL);
          CHECK(edit.render() == text);  // unchanged
          continue;
        }
        ++done;
        std::string after = edit.render();
        postparse::Document reread = postparse::Document::parse(after);
        CHECK(reread.body() == doc.body());
        if (op == 0 && value.kind() == POSTPARSE_KIND_STRING) {
          postparse_str want = value.get().text;
          // The value at the path reads back as the string set.
          postparse::Value v = reread.front_matter();
          std::vector<std::string> tokens;
          for (std::size_t p = 1; p <= path.size();) {
            std::size_t q = path.find('/', p);
            if (q == std::string::npos) q = path.size();
            tokens.push_back(path.substr(p, q - p));
            p = q + 1;
          }
          for (const std::string &t : tokens)
            v = v.kind() == POSTPARSE_KIND_SEQUENCE ? v[static_cast<std::size_t>(std::stoul(t))] : v[t];
          CHECK(v.text() == std::string_view(want.data, want.len));
        }
        text = after;
      }
    }
  }
  std::printf("generated edits: %zu operations, %zu done, %zu refused with a status\n", ops, done, refused);
  for (auto [status, count] : statuses) std::printf("  %s: %zu\n", postparse_status_str(status), count);
  CHECK(done * 3 > ops);
}

TEST_CASE("edit: generated mappings convert around YAML, TOML and JSON and keep their data", "[edit]") {
  Random r{0xD1B54A32D192ED03ull};
  const postparse_format cycle[] = {POSTPARSE_FORMAT_TOML, POSTPARSE_FORMAT_JSON, POSTPARSE_FORMAT_YAML};
  std::size_t converted = 0;
  for (int round = 0; round < 150; ++round) {
    // A mapping of random keys (any characters) holding scalars and lists.
    postparse::Document empty = postparse::Document::parse("---\n---\nbody\n");
    Edit build(empty);
    for (int k = 0; k < 6; ++k) {
      std::string key = random_text(r) + std::to_string(k), path = "/";
      for (char c : key) path += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
      if (r.below(3) == 0)
        build.set_list(path, {random_scalar(r), random_scalar(r)});
      else
        build.set(path, random_scalar(r));
    }
    std::string text = build.render();
    postparse::Document original = postparse::Document::parse(text);
    for (postparse_format to : cycle) {
      INFO(text);
      std::string next = Edit(postparse::Document::parse(text)).convert(to);
      postparse::Document doc = postparse::Document::parse(next);
      CHECK(doc.format() == to);
      CHECK(doc.body() == "body\n");
      CHECK(test::data_difference(original.front_matter(), doc.front_matter(), true) == "");
      text = next;
      ++converted;
    }
  }
  CHECK(converted == 450);
}
