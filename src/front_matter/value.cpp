#include "front_matter/value.h"

namespace postparse::impl {

const Value *Value::find(std::string_view key) const {
  if (kind != Kind::mapping) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i]->is_scalar() && keys[i]->text == key) return items[i];
  return nullptr;
}

}  // namespace postparse::impl
