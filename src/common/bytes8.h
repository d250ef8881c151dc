// Eight bytes at a time: the word tricks the byte scanners share (line
// index, UTF-8 validation, JSON escaping).  Each is exact for the question
// it answers, not a filter with false positives.
#pragma once

#include <cstdint>
#include <cstring>

namespace postparse::impl::bytes8 {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = kOnes << 7;

// The eight bytes at `p` as one word (any alignment).
inline std::uint64_t load(const void *p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Whether every byte is ASCII (below 0x80).
constexpr bool all_ascii(std::uint64_t word) { return (word & kHighBits) == 0; }

// Whether any byte is zero.
constexpr bool has_zero(std::uint64_t word) { return ((word - kOnes) & ~word & kHighBits) != 0; }

// Whether any byte is `byte`.
constexpr bool has_byte(std::uint64_t word, unsigned char byte) { return has_zero(word ^ (kOnes * byte)); }

// Whether any byte is below `limit` (at most 0x80).
constexpr bool has_byte_below(std::uint64_t word, unsigned char limit) {
  return ((word - kOnes * limit) & ~word & kHighBits) != 0;
}

// How many bytes have their low bit set, for words with no other bit set
// (as continuation_bytes gives): the multiply sums the bytes into the top
// one.  Not __builtin_popcountll, which without -mpopcnt is a libgcc call.
constexpr unsigned count_low_bits(std::uint64_t ones) { return static_cast<unsigned>((ones * kOnes) >> 56); }

// One bit (the low bit of its byte) per UTF-8 continuation byte (10xxxxxx).
constexpr std::uint64_t continuation_bytes(std::uint64_t word) { return (word >> 7) & ~(word >> 6) & kOnes; }

}  // namespace postparse::impl::bytes8
