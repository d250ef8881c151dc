// The JSON rendering of a document (one object, one line).
#pragma once

#include <string>

#include "document/document.h"

namespace postparse::impl {
std::string document_to_json(const Document &doc, bool explain = false);
}
