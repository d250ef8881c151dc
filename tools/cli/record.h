// One input's record, as the output format wants it: the library's JSON
// object (with --fields and --content-only applied), or the post's text or
// Markdown; and the record of an input that could not be read.
#pragma once

#include <string>
#include <vector>

#include "postparse/postparse.hpp"

namespace postparse_cli {

struct RecordStyle {
  std::string format = "jsonl";  // jsonl, json, text, markdown
  bool boilerplate = false;      // text/markdown: boilerplate paragraphs too
  bool content_only = false;     // JSON: leave boilerplate paragraphs out
  bool explain = false;          // JSON: rule and evidence; text: every paragraph, under its explanation
  std::vector<std::string> fields;  // JSON: keep only these dotted paths ("paragraphs.text")
  std::string encoding;          // --encoding: the record says its spans are in the decoded text
};

bool is_json_format(const std::string &format);

// The record of a parsed post, without a trailing separator.
std::string post_record(const postparse::Document &doc, const RecordStyle &style);

// The record of an input that could not be read: in JSON a record with the
// path and one `io` error diagnostic; in text and Markdown nothing (the
// problem goes to standard error).
std::string io_record(const std::string &path, const std::string &problem, const RecordStyle &style);

// Checks --fields; "" when each is a dotted path of JSON member names, else
// what is wrong.
std::string check_fields(const std::vector<std::string> &fields);

}  // namespace postparse_cli
