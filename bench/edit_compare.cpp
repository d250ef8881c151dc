// The postparse side of bench/edit-compare: the same front matter edits the
// peers make with their `stringify` (bench/peers/stringify_edits.mjs),
// applied through the public C++ wrapper (postparse::Edit) to every post of
// LIST_FILE (one path per line; post i is line i, counted from 0).
//
//   bench_edit_compare LIST_FILE OUT_DIR
//
// Writes OUT_DIR/manifest.tsv, one line per post, which the peers' script
// and the driver read (offsets are bytes of the file as it is):
//   index  format  content_start  content_end  body_start  tags_list
//   date_key  categories  date_spans
// format is none|yaml|json|toml; content_* the front matter between its
// fences; tags_list 1 when /tags is a list; date_key the first of `date`,
// `pubDate` whose value reads as a date ("-" when none); categories 1 when
// /categories can be renamed to /category (present, /category absent);
// date_spans `offset:length` of every top-level value that reads as a date,
// comma-separated ("-" when none).
// Then, for every YAML post and every edit that applies to it,
// OUT_DIR/postparse/EDIT/INDEX holds the rendered post, or
// OUT_DIR/postparse/EDIT/INDEX.refused the status that refused it.
// The edits (EDIT): noop (render unchanged), title (/title set to a fixed
// string), tag (`postparse-bench` appended to a /tags list), date (the date
// at date_key moved one day later, in its own spelling), rename
// (/categories renamed to /category).
#include <postparse/postparse.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr const char *kNewTitle = "A title set by bench/edit-compare";
constexpr const char *kNewTag = "postparse-bench";
constexpr std::int64_t kOneDay = 86400;

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const fs::path &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

const char *format_name(postparse_format format) {
  switch (format) {
    case POSTPARSE_FORMAT_YAML: return "yaml";
    case POSTPARSE_FORMAT_JSON: return "json";
    case POSTPARSE_FORMAT_TOML: return "toml";
    default: return "none";
  }
}

// A scalar that reads as a date: a timestamp, or a string postparse reads
// as one (RFC 2822 and the like, Hexo's usual spellings).
std::optional<postparse::Time> date_of(const postparse::Value &value) {
  if (!value) return std::nullopt;
  if (value.kind() != POSTPARSE_KIND_TIMESTAMP && value.kind() != POSTPARSE_KIND_STRING) return std::nullopt;
  return value.as_time();
}

std::string date_key(const postparse::Value &front) {
  for (const char *key : {"date", "pubDate"})
    if (date_of(front[key])) return key;
  return "-";
}

std::string date_spans(const postparse::Value &front) {
  std::string spans;
  if (front.kind() != POSTPARSE_KIND_MAPPING) return "-";
  for (std::size_t i = 0; i < front.size(); ++i) {
    postparse::Value value = front[i];
    if (!date_of(value)) continue;
    if (!spans.empty()) spans += ',';
    spans += std::to_string(value.span().offset) + ":" + std::to_string(value.span().length);
  }
  return spans.empty() ? "-" : spans;
}

struct Facts {
  bool tags_list = false;
  std::string date_key = "-";
  bool categories = false;
};

Facts facts_of(const postparse::Document &doc) {
  postparse::Value front = doc.front_matter();
  Facts facts;
  if (front.kind() != POSTPARSE_KIND_MAPPING) return facts;
  facts.tags_list = front["tags"].kind() == POSTPARSE_KIND_SEQUENCE;
  facts.date_key = date_key(front);
  facts.categories = static_cast<bool>(front["categories"]) && !front["category"];
  return facts;
}

std::string manifest_line(std::size_t index, const postparse::Document &doc, const Facts &facts) {
  auto content = doc.front_matter_content_span();
  std::string line = std::to_string(index) + '\t' + format_name(doc.format());
  line += '\t' + std::to_string(content ? content->offset : 0);
  line += '\t' + std::to_string(content ? content->offset + content->length : 0);
  line += '\t' + std::to_string(doc.body_span().offset);
  line += '\t' + std::string(facts.tags_list ? "1" : "0");
  line += '\t' + facts.date_key;
  line += '\t' + std::string(facts.categories ? "1" : "0");
  line += '\t' + date_spans(doc.front_matter());
  return line + '\n';
}

using Apply = std::function<void(postparse::Edit &)>;

struct NamedEdit {
  const char *name;
  std::optional<Apply> apply;  // nullopt: does not apply to this post
};

std::vector<NamedEdit> edits_for(const postparse::Document &doc, const Facts &facts) {
  std::vector<NamedEdit> edits;
  edits.push_back({"noop", Apply([](postparse::Edit &) {})});
  edits.push_back({"title", Apply([](postparse::Edit &e) { e.set("/title", kNewTitle); })});
  std::optional<Apply> tag;
  if (facts.tags_list) tag = [](postparse::Edit &e) { e.append("/tags", kNewTag); };
  edits.push_back({"tag", tag});
  std::optional<Apply> date;
  if (facts.date_key != "-") {
    postparse::Time later = *date_of(doc.front_matter()[facts.date_key]);
    later.unix_seconds += kOneDay;
    std::string path = "/" + facts.date_key;
    date = [later, path](postparse::Edit &e) { e.set(path, postparse::Scalar::date(later)); };
  }
  edits.push_back({"date", date});
  std::optional<Apply> rename;
  if (facts.categories) rename = [](postparse::Edit &e) { e.rename("/categories", "category"); };
  edits.push_back({"rename", rename});
  return edits;
}

// Applies one edit to a fresh Edit of the post and writes the render, or
// the status that refused it (from the constructor, the operation or the
// render).
void run_edit(const postparse::Document &doc, const NamedEdit &edit, const fs::path &dir, std::size_t index) {
  fs::create_directories(dir / edit.name);
  fs::path out = dir / edit.name / std::to_string(index);
  try {
    postparse::Edit e(doc);
    (*edit.apply)(e);
    write_file(out, e.render());
  } catch (const postparse::Error &error) {
    write_file(out.string() + ".refused", std::string(error.name()) + "\n");
  }
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_edit_compare LIST_FILE OUT_DIR\n";
    return 2;
  }
  try {
    fs::path out_dir = argv[2];
    fs::path own = out_dir / "postparse";
    fs::create_directories(own);
    std::ofstream manifest(out_dir / "manifest.tsv", std::ios::binary);
    std::ifstream list(argv[1]);
    std::size_t index = 0;
    for (std::string path; std::getline(list, path); ++index) {
      std::string bytes = read_file(path);
      postparse::Document doc = postparse::Document::parse(bytes);
      Facts facts = facts_of(doc);
      manifest << manifest_line(index, doc, facts);
      if (doc.format() != POSTPARSE_FORMAT_YAML) continue;
      for (const NamedEdit &edit : edits_for(doc, facts))
        if (edit.apply) run_edit(doc, edit, own, index);
    }
    if (!manifest) throw std::runtime_error("cannot write the manifest");
  } catch (const std::exception &error) {
    std::cerr << "bench_edit_compare: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
