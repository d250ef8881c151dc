// Reading a profile: YAML (through the front matter loader, so it gets the
// same limits and positions) checked key by key into a compiled Profile.
#include <pugixml.hpp>

#include <algorithm>
#include <map>

#include "common/ascii.h"
#include "common/line_index.h"
#include "common/options.h"
#include "extract/profile.h"
#include "extract/xpath_check.h"
#include "html/dom_query.h"
#include "front_matter/tree_loader.h"
#include "postparse/postparse.h"

namespace postparse::impl::extract {
namespace {

constexpr int kFormatVersion = 1;

// Collects the problems of one profile with the position of the value they
// are about.
class ProfileReader {
 public:
  ProfileReader(Profile &profile, const LineIndex &lines) : profile_(profile), lines_(lines) {}

  void error(int code, const Value *at, std::string message) {
    errors_.push_back({code, Severity::error, Part::profile, std::move(message), at ? at->begin : 0});
  }
  std::vector<Diagnostic> &diagnostics() { return errors_; }

  void read_root(const Value &root) {
    if (root.kind != Kind::mapping) return error(POSTPARSE_ERR_PROFILE, &root, "a profile is a YAML mapping");
    for (std::size_t i = 0; i < root.keys.size(); ++i) {
      const std::string &key = root.keys[i]->text;
      const Value &value = *root.items[i];
      if (key == "profile") name(value);
      else if (key == "version") version(value);
      else if (key == "description") profile_.description = string_of(value, "description");
      else if (key == "markers") markers(value);
      else if (key == "rules") rules(value);
      else error(POSTPARSE_ERR_PROFILE, root.keys[i],
                 "unknown profile key '" + key + "' (known: profile, version, description, markers, rules)");
    }
    if (!root.find("profile")) error(POSTPARSE_ERR_PROFILE, &root, "the profile has no 'profile:' name");
    if (!root.find("version")) error(POSTPARSE_ERR_PROFILE, &root, "the profile has no 'version:' (this library reads version 1)");
  }

 private:
  // A NUL ("\0" in a quoted YAML string) is refused: XPath goes to pugixml
  // as a NUL-terminated string, which would silently cut it short there.
  std::string string_of(const Value &value, std::string_view what) {
    if (!value.is_scalar() || value.kind == Kind::null) {
      error(POSTPARSE_ERR_PROFILE, &value, "'" + std::string(what) + "' must be a string");
      return {};
    }
    if (value.text.find('\0') != std::string::npos) {
      error(POSTPARSE_ERR_PROFILE, &value, "'" + std::string(what) + "' contains a NUL character");
      return {};
    }
    return value.text;
  }

  void name(const Value &value) {
    profile_.name = string_of(value, "profile");
    if (value.is_scalar() && value.kind != Kind::null && value.text.empty())
      error(POSTPARSE_ERR_PROFILE, &value, "'profile' must not be empty: it names the profile in reasons");
  }

  // Rule names are what metadata entries and boilerplate reasons cite, so
  // two rules of one profile cannot share one.
  void unique_name(const Value &value, const std::string &name) {
    if (name.empty()) return;
    auto [seen, fresh] = rule_names_.emplace(name, &value);
    if (!fresh)
      error(POSTPARSE_ERR_PROFILE, &value, "rule name '" + name + "' is already used (line " +
                                               std::to_string(lines_.locate(seen->second->begin).line) + ")");
  }

  void version(const Value &value) {
    if (value.kind != Kind::integer || value.integer != kFormatVersion)
      error(POSTPARSE_ERR_PROFILE, &value, "profile version '" + value.text + "' is not supported (this library reads version 1)");
  }

  void markers(const Value &value) {
    if (value.kind != Kind::sequence) return error(POSTPARSE_ERR_PROFILE, &value, "'markers' must be a list of words");
    for (const Value *item : value.items) {
      std::string word = string_of(*item, "markers item");
      ascii_lower_in_place(word);
      if (!word.empty()) profile_.markers.push_back(word);
    }
  }

  void rules(const Value &value) {
    if (value.kind != Kind::sequence) return error(POSTPARSE_ERR_PROFILE, &value, "'rules' must be a list of rules");
    for (const Value *item : value.items) {
      Rule rule;
      if (read_rule(*item, rule)) profile_.rules.push_back(std::move(rule));
    }
  }

  // False (after at least one error) when the rule cannot be used.
  bool read_rule(const Value &value, Rule &rule) {
    if (value.kind != Kind::mapping) {
      error(POSTPARSE_ERR_PROFILE, &value, "a rule is a mapping (name, select, match, action, ...)");
      return false;
    }
    std::size_t errors_before = error_count();
    bool has_action = false;
    bool has_condition = value.find("select") || value.find("match");
    for (std::size_t i = 0; i < value.keys.size(); ++i) {
      const std::string &key = value.keys[i]->text;
      const Value &v = *value.items[i];
      if (key == "name") rule.name = string_of(v, "name"), unique_name(v, rule.name);
      else if (key == "on") target(v, rule);
      else if (key == "select") xpath(v, rule);
      else if (key == "match") rule.match = regex(v, "match");
      else if (key == "max_chars") max_chars(v, rule);
      else if (key == "action") has_action = action(v, rule);
      else if (key == "reason") rule.reason = string_of(v, "reason");
      else if (key == "capture") capture(v, rule);
      else if (key == "split") rule.split = regex(v, "split");
      else error(POSTPARSE_ERR_PROFILE, value.keys[i], "unknown rule key '" + key +
                 "' (known: name, on, select, match, max_chars, action, reason, capture, split)");
    }
    if (rule.name.empty()) error(POSTPARSE_ERR_PROFILE, &value, "a rule needs a 'name'");
    if (!has_condition)
      error(POSTPARSE_ERR_PROFILE, &value, "rule '" + rule.name + "' needs 'select' (XPath) or 'match' (RE2), or both");
    if (rule.target == RuleTarget::comment && value.find("select"))
      error(POSTPARSE_ERR_PROFILE, &value, "rule '" + rule.name + "' is on comments, which take 'match' only");
    if (const Value *split = value.find("split"); split && !value.find("capture"))
      error(POSTPARSE_ERR_PROFILE, split, "rule '" + rule.name + "' has 'split' but no 'capture': split cuts a captured value");
    if (!has_action) rule.action = rule.target == RuleTarget::comment || (!rule.capture.empty() && rule.reason.empty())
                                       ? RuleAction::keep : RuleAction::boilerplate;
    if (rule.reason.empty()) rule.reason = "profile:" + profile_.name + "/" + rule.name;
    return error_count() == errors_before;
  }

  void target(const Value &v, Rule &rule) {
    if (v.text == "paragraph") rule.target = RuleTarget::paragraph;
    else if (v.text == "image") rule.target = RuleTarget::image;
    else if (v.text == "comment") rule.target = RuleTarget::comment;
    else error(POSTPARSE_ERR_PROFILE, &v, "'on' is paragraph, image or comment, not '" + v.text + "'");
  }

  bool action(const Value &v, Rule &rule) {
    if (v.text == "boilerplate") rule.action = RuleAction::boilerplate;
    else if (v.text == "content") rule.action = RuleAction::content;
    else if (v.text == "drop") rule.action = RuleAction::drop;
    else if (v.text == "keep") rule.action = RuleAction::keep;
    else {
      error(POSTPARSE_ERR_PROFILE, &v, "'action' is boilerplate, content, drop or keep, not '" + v.text + "'");
      return false;
    }
    return true;
  }

  void capture(const Value &v, Rule &rule) {
    rule.capture = string_of(v, "capture");
    if (v.is_scalar() && v.kind != Kind::null && v.text.empty())
      error(POSTPARSE_ERR_PROFILE, &v, "'capture' must name the metadata key the value is stored under, not be empty");
  }

  void max_chars(const Value &v, Rule &rule) {
    if (v.kind != Kind::integer || v.integer <= 0)
      return error(POSTPARSE_ERR_PROFILE, &v, "'max_chars' must be a positive integer");
    rule.max_chars = static_cast<std::size_t>(v.integer);
  }

  void xpath(const Value &v, Rule &rule) {
    if (v.is_scalar() && v.text.find('\0') != std::string::npos)
      return error(POSTPARSE_ERR_XPATH, &v, "select contains a NUL character, which an XPath expression cannot hold");
    std::string expression = string_of(v, "select");
    if (expression.empty()) return;
    html::CompiledXPath compiled = html::compile_xpath(expression);
    if (!compiled.query)
      return error(POSTPARSE_ERR_XPATH, &v, "bad XPath in select '" + expression + "': " + compiled.error +
                                                " at character " + std::to_string(compiled.error_offset + 1));
    if (compiled.query->return_type() != pugi::xpath_type_node_set)
      return error(POSTPARSE_ERR_XPATH, &v, "select '" + expression + "' does not give nodes");
    if (selects_text_nodes(expression))
      return error(POSTPARSE_ERR_XPATH, &v, "select '" + expression + "' gives text or comment nodes, which are never "
                                            "a paragraph's or an image's element: select the element instead");
    XPathCostProblem cost = xpath_cost_problem(expression);
    if (!cost.message.empty())
      return error(POSTPARSE_ERR_XPATH, &v, "select '" + expression + "' at character " +
                                            std::to_string(cost.offset + 1) + ": " + cost.message);
    rule.select = expression;
  }

  std::unique_ptr<re2::RE2> regex(const Value &v, std::string_view what) {
    std::string pattern = string_of(v, what);
    if (pattern.empty()) return nullptr;
    re2::RE2::Options options;
    options.set_log_errors(false);  // the error goes into a diagnostic instead
    auto re = std::make_unique<re2::RE2>(pattern, options);
    if (!re->ok()) {
      error(POSTPARSE_ERR_REGEX, &v, "bad RE2 pattern in " + std::string(what) + " '" + pattern + "': " + re->error());
      return nullptr;
    }
    return re;
  }

  std::size_t error_count() const {
    return std::count_if(errors_.begin(), errors_.end(), [](const Diagnostic &d) { return d.severity == Severity::error; });
  }

  Profile &profile_;
  const LineIndex &lines_;
  std::vector<Diagnostic> errors_;
  std::map<std::string, const Value *> rule_names_;
};

}  // namespace

bool Profile::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.severity == Severity::error; });
}

namespace {

// See Profile::paragraph_patterns.  The set uses the options each rule's
// own pattern was compiled with (the defaults, logging off), so a pattern
// matches in the set exactly where it matches alone.
void build_paragraph_patterns(Profile &profile) {
  profile.pattern_of_rule.assign(profile.rules.size(), -1);
  auto set = std::make_unique<PatternSet>();
  int added = 0;
  std::size_t longest = 0;
  bool unbounded = false;
  for (std::size_t i = 0; i < profile.rules.size(); ++i) {
    const Rule &rule = profile.rules[i];
    if (rule.target != RuleTarget::paragraph || !rule.match) continue;
    int index = set->add(rule.match->pattern());
    if (index < 0) return profile.pattern_of_rule.assign(profile.rules.size(), -1);
    profile.pattern_of_rule[i] = index;
    unbounded = unbounded || rule.max_chars == 0;
    longest = std::max(longest, rule.max_chars);
    ++added;
  }
  if (added == 0 || !set->compile()) return profile.pattern_of_rule.assign(profile.rules.size(), -1);
  profile.paragraph_patterns = std::move(set);
  profile.paragraph_patterns_max_chars = unbounded ? 0 : longest;
}

}  // namespace

std::shared_ptr<const Profile> load_profile(std::string_view yaml) {
  auto profile = std::make_shared<Profile>();
  profile->text.assign(yaml.data(), yaml.size());
  LineIndex lines(profile->text);
  SourceText source{profile->text, &lines, nullptr};
  Options options;  // the front matter limits (depth, aliases, keys) hold for profiles too
  ValueArena arena;
  DiagnosticSink sink(options.limits.diagnostics);
  LoadContext context{options, source, arena, sink, "profile"};
  const Value *root = load_yaml(profile->text, OffsetMap{0, 0, profile->text.size()}, false, context);

  std::vector<Diagnostic> found = sink.finish();
  // Not a mapping: the reader below says what a profile must be instead.
  found.erase(std::remove_if(found.begin(), found.end(),
                             [](const Diagnostic &d) { return d.code == POSTPARSE_ERR_NOT_A_MAPPING; }),
              found.end());
  for (Diagnostic &d : found) d.part = Part::profile;
  if (root) {
    ProfileReader reader(*profile, lines);
    reader.read_root(*root);
    found.insert(found.end(), reader.diagnostics().begin(), reader.diagnostics().end());
  } else if (found.empty()) {
    found.push_back({POSTPARSE_ERR_SYNTAX, Severity::error, Part::profile, "the profile is not valid YAML", 0});
  }
  locate_diagnostics(found, lines);
  profile->diagnostics = std::move(found);
  build_paragraph_patterns(*profile);
  return profile;
}

}  // namespace postparse::impl::extract
