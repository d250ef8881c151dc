#include "edit/path.h"

#include "postparse/postparse.h"

namespace postparse::impl::edit {

int parse_pointer(std::string_view pointer, std::vector<std::string> &tokens) {
  tokens.clear();
  if (pointer.empty()) return POSTPARSE_OK;
  if (pointer[0] != '/') return POSTPARSE_ERR_BAD_PATH;
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (pointer[i] != '~') {
      token += pointer[i];
      continue;
    }
    if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))
      return POSTPARSE_ERR_BAD_PATH;
    token += pointer[i + 1] == '0' ? '~' : '/';
    ++i;
  }
  return POSTPARSE_OK;
}

bool list_index(const std::string &token, std::size_t &out) {
  if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0')) return false;
  std::size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  out = value;
  return true;
}

namespace {

// The pair index of `key` in a mapping, or its pair count when absent.
std::size_t key_index(const Value &map, const std::string &key) {
  for (std::size_t i = 0; i < map.keys.size(); ++i)
    if (map.keys[i]->is_scalar() && map.keys[i]->text == key) return i;
  return map.keys.size();
}

}  // namespace

int find_place(const Value &root, const std::vector<std::string> &tokens, Place &out) {
  const Value *node = &root;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    bool last = t + 1 == tokens.size();
    std::size_t index = 0;
    if (node->kind == Kind::mapping) {
      index = key_index(*node, tokens[t]);
      if (last) {
        out = Place{node, index, index < node->keys.size()};
        return POSTPARSE_OK;
      }
      if (index >= node->keys.size()) return POSTPARSE_ERR_NOT_FOUND;
    } else if (node->kind == Kind::sequence) {
      if (!list_index(tokens[t], index)) return POSTPARSE_ERR_BAD_PATH;
      if (index >= node->items.size()) return POSTPARSE_ERR_NOT_FOUND;
      if (last) {
        out = Place{node, index, true};
        return POSTPARSE_OK;
      }
    } else {
      return POSTPARSE_ERR_WRONG_KIND;
    }
    node = node->items[index];
  }
  return POSTPARSE_ERR_BAD_PATH;  // no token: the root has no place
}

Data *data_parent(Data &root, const std::vector<std::string> &tokens) {
  Data *node = &root;
  for (std::size_t t = 0; t + 1 < tokens.size(); ++t) {
    std::size_t index = 0;
    if (node->kind == Kind::mapping) {
      long found = node->find(tokens[t]);
      if (found < 0) return nullptr;
      index = static_cast<std::size_t>(found);
    } else if (node->kind != Kind::sequence || !list_index(tokens[t], index) || index >= node->items.size()) {
      return nullptr;
    }
    node = &node->items[index];
  }
  return node;
}

}  // namespace postparse::impl::edit
