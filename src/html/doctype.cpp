// The DOCTYPE token in the "initial" insertion mode: the DOCTYPE node and
// the document's quirks mode (https://html.spec.whatwg.org/#the-initial-insertion-mode).
#include "html/tree_builder.h"

#include "common/ascii.h"

namespace postparse::impl::html {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr std::string_view kQuirkyPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

QuirksMode quirks_for(const Token &t) {
  if (t.force_quirks || t.name != "html") return QuirksMode::quirks;
  std::string pub = t.has_public_id ? ascii_lower(t.public_id) : std::string();
  std::string sys = t.has_system_id ? ascii_lower(t.system_id) : std::string();
  if (t.has_public_id && (pub == "-//w3o//dtd w3 html strict 3.0//en//" || pub == "-/w3c/dtd html 4.0 transitional/en" ||
                          pub == "html"))
    return QuirksMode::quirks;
  if (t.has_system_id && sys == "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") return QuirksMode::quirks;
  if (t.has_public_id)
    for (std::string_view prefix : kQuirkyPublicPrefixes)
      if (starts_with(pub, prefix)) return QuirksMode::quirks;
  bool html401 = starts_with(pub, "-//w3c//dtd html 4.01 frameset//") ||
                 starts_with(pub, "-//w3c//dtd html 4.01 transitional//");
  if (t.has_public_id && !t.has_system_id && html401) return QuirksMode::quirks;
  if (t.has_public_id && (starts_with(pub, "-//w3c//dtd xhtml 1.0 frameset//") ||
                          starts_with(pub, "-//w3c//dtd xhtml 1.0 transitional//")))
    return QuirksMode::limited_quirks;
  if (t.has_public_id && t.has_system_id && html401) return QuirksMode::limited_quirks;
  return QuirksMode::no_quirks;
}

}  // namespace

void TreeBuilder::handle_doctype(Token &t) {
  bool conforming = t.name == "html" && !t.has_public_id &&
                    (!t.has_system_id || t.system_id == "about:legacy-compat");
  if (!conforming) error("unexpected-doctype");
  // pugixml keeps a DOCTYPE as one text value: the name, then the ids as
  // they would be written back.
  std::string text = t.name;
  if (t.has_public_id || t.has_system_id) {
    text += t.has_public_id ? " PUBLIC \"" + t.public_id + "\"" : " SYSTEM";
    if (t.has_system_id) text += " \"" + t.system_id + "\"";
  }
  DoctypeInfo parts{t.name, t.public_id, t.system_id, t.has_public_id, t.has_system_id};
  ensure_room_for_node();
  dom_.add_doctype(text, parts, t.begin, t.end);
  if (!fragment_) quirks_ = quirks_for(t);
  mode_ = Mode::before_html;
}

}  // namespace postparse::impl::html
