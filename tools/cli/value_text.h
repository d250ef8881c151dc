// Turning a --value / --append text into the scalar written (postparse
// set): typed as YAML would read it, unless --type says which type.
#pragma once

#include <optional>
#include <string>

#include "postparse/postparse.hpp"

namespace postparse_cli {

// --type's choices; "auto" types the text as YAML 1.2's core schema reads a
// plain scalar (see kValueTypeHelp), "json" is any JSON value (--value only).
inline constexpr const char *kValueTypes[] = {"auto", "string", "int", "float", "bool", "null", "date", "json"};

// The rule, as --help states it.
inline constexpr const char *kValueTypeHelp =
    "How --value/--append text is typed: auto (default) reads it as YAML would a plain value: "
    "null or ~ is null; true/false (also True, TRUE...) a bool; a decimal integer without leading "
    "zeros (or 0x.., 0o..) an int; 1.5, 1e3, .inf, .nan a float; 2021-07-31 or "
    "2021-07-31 12:27:53[+08:00] a date; anything else (also '' and 007) a string.  "
    "string, int, float, bool, null, date force that type (the text must read as it); "
    "json takes any JSON value (an object, a list), for --value";

// The scalar `text` stands for under `type` (not "json"), or nothing when
// the text does not read as that type (the caller names the problem).
std::optional<postparse::Scalar> typed_scalar(const std::string &text, const std::string &type);

}  // namespace postparse_cli
