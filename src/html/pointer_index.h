// A small open-addressing hash map from node addresses to indices.  The DOM
// side table is looked up on every pop and text insertion; std::unordered_map
// allocates per entry, which showed up as a tenth of the parse time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace postparse::impl::html {

class PointerIndex {
 public:
  static constexpr std::uint32_t kMissing = UINT32_MAX;

  // Inserts or replaces: pugixml reuses the memory of removed nodes, so a new
  // node may take a stale entry's address and must take over its slot.
  void set(const void *key, std::uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot &slot = slots_[find_slot(key)];
    if (!slot.key) ++size_;
    slot = {key, value};
  }

  std::uint32_t get(const void *key) const {
    if (slots_.empty()) return kMissing;
    const Slot &slot = slots_[find_slot(key)];
    return slot.key ? slot.value : kMissing;
  }

 private:
  struct Slot {
    const void *key = nullptr;
    std::uint32_t value = 0;
  };

  std::size_t find_slot(const void *key) const {
    std::size_t mask = slots_.size() - 1;
    // Node addresses are aligned; mix the bits before masking.
    std::size_t h = std::hash<const void *>()(key) * 0x9E3779B97F4A7C15ull;
    std::size_t i = (h >> 16) & mask;
    while (slots_[i].key && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot &s : old)
      if (s.key) set(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace postparse::impl::html
