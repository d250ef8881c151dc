#include "front_matter/json_keys.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "postparse/postparse.h"

namespace postparse::impl {
namespace {

// A key's text, viewed in the value or the input (they outlive the walk).
std::string_view text_view(const Value &key) {
  if (key.is_scalar()) return key.text;
  std::string_view raw = key.raw();
  std::size_t first = raw.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return raw.substr(first, raw.find_last_not_of(" \t\r\n") - first + 1);
}

std::string text_of(const Value &key) { return std::string(text_view(key)); }

// Whether two keys of the mapping have the same text.  Front matter
// mappings are small and almost never repeat a text, so they are compared
// pairwise without copying anything; large ones go through a hash set.
bool has_repeated_text(const Value &map) {
  const std::vector<const Value *> &keys = map.keys;
  constexpr std::size_t kPairwise = 32;
  if (keys.size() <= kPairwise) {
    for (std::size_t i = 1; i < keys.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (text_view(*keys[i]) == text_view(*keys[j])) return true;
    return false;
  }
  std::unordered_set<std::string_view> seen;
  for (const Value *key : keys)
    if (!seen.insert(text_view(*key)).second) return true;
  return false;
}

// Names for the keys of one mapping; empty when every key keeps its text.
std::vector<std::string> unique_names(const Value &map) {
  if (!has_repeated_text(map)) return {};
  std::vector<std::string> names;
  std::unordered_set<std::string> taken;
  bool repeats = false;
  for (const Value *key : map.keys) {
    names.push_back(text_of(*key));
    repeats = !taken.insert(names.back()).second || repeats;
  }
  if (!repeats) return {};
  // Every text a key has is taken first, so that a key never loses its own
  // text to a renamed one ("1#2" stays "1#2").
  // A repeat of a text takes the lowest free "TEXT#n", n >= 2, above the
  // one the previous repeat took.  Only repeats of TEXT ever add a
  // "TEXT#n" name (a renamed "TEXT#2" becomes "TEXT#2#n"), so every suffix
  // below the last one taken stays taken, and resuming there gives the
  // same names as searching from the start at a cost linear in the keys.
  std::unordered_set<std::string> seen;
  std::unordered_map<std::string, std::size_t> next_suffix;
  for (std::string &name : names) {
    if (seen.insert(name).second) continue;
    std::size_t &suffix = next_suffix.try_emplace(name, 2).first->second;
    const std::string base = name;
    do {
      name = base + "#" + std::to_string(suffix++);
    } while (!taken.insert(name).second);
  }
  return names;
}

void report(const Value &key, const std::string &name, DiagnosticSink &diagnostics) {
  std::string text = text_of(key);
  if (text.size() > 80) text = text.substr(0, 80) + "...";
  diagnostics.add(POSTPARSE_ERR_DUPLICATE_KEY, Severity::warning, Part::front_matter,
                  std::string(key.is_scalar() ? "key '" : "collection key '") + text +
                      "' has the text of an earlier key of this mapping; it is written as '" + name +
                      "' in JSON",
                  key.begin);
}

}  // namespace

std::string JsonKeyNames::name(const Value &map, std::size_t index) const {
  auto found = renamed_.find(&map);
  if (found != renamed_.end() && index < found->second.size()) return found->second[index];
  return index < map.keys.size() ? text_of(*map.keys[index]) : std::string();
}

JsonKeyNames JsonKeyNames::assign(const Value &root, DiagnosticSink &diagnostics) {
  JsonKeyNames out;
  std::unordered_set<const Value *> visited;
  std::vector<const Value *> pending{&root};
  while (!pending.empty()) {
    const Value *node = pending.back();
    pending.pop_back();
    if (node->is_scalar() || !visited.insert(node).second) continue;
    for (const Value *item : node->items) pending.push_back(item);
    if (node->kind != Kind::mapping) continue;
    std::vector<std::string> names = unique_names(*node);
    if (names.empty()) continue;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] != text_of(*node->keys[i])) report(*node->keys[i], names[i], diagnostics);
    out.renamed_.emplace(node, std::move(names));
  }
  return out;
}

}  // namespace postparse::impl
