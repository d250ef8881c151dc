// Runs html5lib-tests tree-construction/*.dat through postparse's tree
// builder and compares the DOM dump with the expected one.
//
// usage: html5lib_tree_runner TREE_CONSTRUCTION_DIR KNOWN_FAILURES_FILE [-v]
//
// A test runs with scripting off and on unless it names one; it passes when
// every run matches.  Tests in scripted/ need a script engine and are not
// run (the folder is not read).  Tests listed in KNOWN_FAILURES_FILE
// ("file.dat:N  reason") are expected to fail: the runner fails when one of
// them passes (remove it from the list) or when an unlisted test fails.
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "html/dom.h"
#include "html/tree_builder.h"

using namespace postparse::impl::html;

namespace {

struct TestCase {
  std::string file;
  int index = 0;
  std::string data;
  bool fragment = false;
  std::string context;
  int scripting = -1;  // -1: run both
  std::string expected;
};

std::vector<std::string> split_lines(const std::string &text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Parses one .dat file into test cases (format: tree-construction/README.md).
std::vector<TestCase> read_tests(const std::string &dir, const std::string &file) {
  std::ifstream in(dir + "/" + file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> lines = split_lines(buffer.str());
  std::vector<TestCase> tests;
  std::string section;
  TestCase current;
  std::vector<std::string> data_lines, doc_lines;
  auto finish = [&] {
    if (section.empty()) return;
    current.data.clear();
    for (std::size_t i = 0; i < data_lines.size(); ++i) current.data += (i ? "\n" : "") + data_lines[i];
    // The document dump ends with an empty line that separates tests.
    while (!doc_lines.empty() && doc_lines.back().empty()) doc_lines.pop_back();
    current.expected.clear();
    for (const std::string &l : doc_lines) current.expected += l + "\n";
    current.file = file;
    current.index = static_cast<int>(tests.size()) + 1;
    tests.push_back(current);
    current = TestCase{};
    data_lines.clear();
    doc_lines.clear();
  };
  for (const std::string &line : lines) {
    if (line == "#data") {
      finish();
      section = "data";
      continue;
    }
    if (section == "document" && !line.empty() && line[0] != '|' && line[0] != '#') {
      // Continuation of a multi-line text node in the dump.
      doc_lines.push_back(line);
      continue;
    }
    if (line == "#errors" || line == "#new-errors" || line == "#document" || line == "#document-fragment" ||
        line == "#script-off" || line == "#script-on") {
      section = line.substr(1);
      if (section == "script-off") current.scripting = 0;
      if (section == "script-on") current.scripting = 1;
      if (section == "document-fragment") current.fragment = true;
      continue;
    }
    if (section == "data") data_lines.push_back(line);
    else if (section == "document-fragment") current.context = line;
    else if (section == "document") doc_lines.push_back(line);
  }
  finish();
  return tests;
}

const char *attribute_prefix(AttrNs ns) {
  switch (ns) {
    case AttrNs::xlink: return "xlink ";
    case AttrNs::xml: return "xml ";
    case AttrNs::xmlns: return "xmlns ";
    case AttrNs::none: break;
  }
  return "";
}

void dump(const Dom &dom, pugi::xml_node node, int depth, std::string &out) {
  for (pugi::xml_node child : node.children()) {
    std::string indent = "| " + std::string(static_cast<std::size_t>(depth) * 2, ' ');
    switch (child.type()) {
      case pugi::node_element: {
        const NodeInfo *info = dom.find_info(child);
        Ns ns = info ? info->ns : Ns::html;
        out += indent + "<" + (ns == Ns::svg ? "svg " : ns == Ns::mathml ? "math " : "") + child.name() + ">\n";
        std::vector<std::pair<std::string, std::string>> attributes;
        for (pugi::xml_attribute a : child.attributes()) {
          AttrNs ans = dom.attribute_ns(a);
          std::string name = a.name();
          if (ans != AttrNs::none && name.find(':') != std::string::npos) name = name.substr(name.find(':') + 1);
          attributes.emplace_back(attribute_prefix(ans) + name, a.value());
        }
        std::sort(attributes.begin(), attributes.end());
        for (auto &[name, value] : attributes) out += indent + "  " + name + "=\"" + value + "\"\n";
        if (ns == Ns::html && std::string(child.name()) == "template") {
          out += indent + "  content\n";
          dump(dom, child, depth + 2, out);
        } else {
          dump(dom, child, depth + 1, out);
        }
        break;
      }
      case pugi::node_pcdata: out += indent + "\"" + child.value() + "\"\n"; break;
      case pugi::node_comment: out += indent + "<!-- " + child.value() + " -->\n"; break;
      case pugi::node_doctype: {
        const DoctypeInfo &d = dom.doctype();
        out += indent + "<!DOCTYPE " + d.name;
        if (d.has_public_id || d.has_system_id) out += " \"" + d.public_id + "\" \"" + d.system_id + "\"";
        out += ">\n";
        break;
      }
      default: break;
    }
  }
}

std::string run(const TestCase &test, bool scripting) {
  Dom dom;
  postparse::impl::Limits limits;
  TreeBuilder builder(test.data, 0, dom, limits, scripting, nullptr);
  std::string out;
  if (test.fragment) {
    FragmentContext context;
    context.name = test.context;
    if (test.context.rfind("svg ", 0) == 0) {
      context.ns = Ns::svg;
      context.name = test.context.substr(4);
    } else if (test.context.rfind("math ", 0) == 0) {
      context.ns = Ns::mathml;
      context.name = test.context.substr(5);
    }
    pugi::xml_node root = builder.parse_fragment(context);
    dump(dom, root, 0, out);
  } else {
    builder.parse_document();
    dump(dom, dom.document(), 0, out);
  }
  return out;
}

std::set<std::string> read_known_failures(const std::string &path) {
  std::set<std::string> known;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    known.insert(line.substr(0, line.find_first_of(" \t")));
  }
  return known;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " TREE_CONSTRUCTION_DIR KNOWN_FAILURES_FILE [-v]\n";
    return 2;
  }
  std::string dir = argv[1];
  bool verbose = argc > 3 && std::string(argv[3]) == "-v";
  std::set<std::string> known = read_known_failures(argv[2]);
  std::vector<std::string> files;
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".dat") files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  int passed = 0, failed = 0, unexpected_failures = 0, unexpected_passes = 0;
  std::set<std::string> seen;
  for (const std::string &file : files) {
    for (const TestCase &test : read_tests(dir, file)) {
      std::string id = file + ":" + std::to_string(test.index);
      seen.insert(id);
      bool ok = true;
      std::string actual;
      for (int scripting : {0, 1}) {
        if (test.scripting != -1 && test.scripting != scripting) continue;
        actual = run(test, scripting == 1);
        if (actual != test.expected) {
          ok = false;
          break;
        }
      }
      bool listed = known.count(id) > 0;
      if (ok) ++passed;
      else ++failed;
      if (!ok && !listed) {
        ++unexpected_failures;
        std::cout << "FAIL " << id << "\n";
        if (verbose) std::cout << "--- input\n" << test.data << "\n--- expected\n" << test.expected << "--- actual\n" << actual;
      }
      if (ok && listed) {
        ++unexpected_passes;
        std::cout << "PASSES BUT LISTED AS KNOWN FAILURE " << id << "\n";
      }
    }
  }
  for (const std::string &id : known)
    if (!seen.count(id)) std::cout << "KNOWN FAILURE NOT FOUND " << id << "\n", ++unexpected_passes;
  std::cout << "tree construction: " << known.size() << " known failures listed, " << unexpected_failures
            << " unexpected failures, " << unexpected_passes << " stale entries\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  return unexpected_failures == 0 && unexpected_passes == 0 ? 0 : 1;
}
