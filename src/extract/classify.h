// Classification: which paragraphs are content and which are boilerplate
// (with a machine-readable reason), and the editorial lines that become
// metadata instead of text.
#pragma once

#include "extract/paragraph.h"

namespace postparse::impl::extract {

// Applies the built-in generic rules to `extraction` in place:
// - editorial lines (责任编辑：X, 来源：X, 原标题：X) become metadata and their
//   paragraphs boilerplate ("editorial:editor", ...); reporters in
//   "(记者 A B)" are collected while the paragraph stays content;
// - a block or ancestor whose class/id names promotional or navigational
//   furniture (QR codes, share bars, copyright, related links, ads) makes its
//   paragraphs and images boilerplate ("marker:<word>");
// - short paragraphs made mostly of link text are boilerplate
//   ("link-density").
void classify(Extraction &extraction);

}  // namespace postparse::impl::extract
