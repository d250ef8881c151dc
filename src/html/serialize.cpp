#include "html/serialize.h"

#include <string_view>

namespace postparse::impl::html {
namespace {

// Children of these are written as they are, without escaping.
bool is_raw_text(Tag tag, bool scripting) {
  return tag == Tag::style || tag == Tag::script || tag == Tag::xmp || tag == Tag::iframe ||
         tag == Tag::noembed || tag == Tag::noframes || tag == Tag::plaintext || (scripting && tag == Tag::noscript);
}

void escape(std::string_view text, bool attribute, std::string &out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '&') out += "&amp;";
    else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') out += "&nbsp;", ++i;
    else if (attribute && c == '"') out += "&quot;";
    else if (!attribute && c == '<') out += "&lt;";
    else if (!attribute && c == '>') out += "&gt;";
    else out += c;
  }
}

const NodeInfo *info_of(const Dom &dom, pugi::xml_node node) { return dom.find_info(node); }

void start_tag(pugi::xml_node node, std::string &out) {
  out += '<';
  out += node.name();
  for (pugi::xml_attribute a : node.attributes()) {
    out += ' ';
    out += a.name();
    out += "=\"";
    escape(a.value(), true, out);
    out += '"';
  }
  out += '>';
}

void end_tag(pugi::xml_node node, std::string &out) {
  out += "</";
  out += node.name();
  out += '>';
}

// Writes `node` without its children; true when its children are to be
// written next (and its end tag after them).
bool write_node(const Dom &dom, pugi::xml_node node, std::string &out) {
  switch (node.type()) {
    case pugi::node_element: {
      const NodeInfo *info = info_of(dom, node);
      Tag tag = info && info->ns == Ns::html ? info->tag : Tag::unknown;
      start_tag(node, out);
      if (is_void_element(tag)) return false;
      if (!is_raw_text(tag, false)) return true;
      for (pugi::xml_node child : node.children()) out += child.value();
      end_tag(node, out);
      return false;
    }
    case pugi::node_pcdata: {
      pugi::xml_node parent = node.parent();
      const NodeInfo *info = parent ? info_of(dom, parent) : nullptr;
      if (info && info->ns == Ns::html && is_raw_text(info->tag, false)) out += node.value();
      else escape(node.value(), false, out);
      return false;
    }
    case pugi::node_comment:
      out += "<!--";
      out += node.value();
      out += "-->";
      return false;
    case pugi::node_doctype:
      out += "<!DOCTYPE ";
      out += dom.doctype().name;
      out += '>';
      return false;
    case pugi::node_document: return true;
    default: return false;
  }
}

void close_node(pugi::xml_node node, std::string &out) {
  if (node.type() == pugi::node_element) end_tag(node, out);
}

}  // namespace

// Iterative: a tree may be as deep as the caller's depth limit allows, and
// recursion would overflow the stack.
void serialize_node(const Dom &dom, pugi::xml_node root, std::string &out) {
  if (!write_node(dom, root, out)) return;
  pugi::xml_node n = root.first_child();
  while (n) {
    bool descend = write_node(dom, n, out);
    if (descend && n.first_child()) {
      n = n.first_child();
      continue;
    }
    if (descend) close_node(n, out);
    while (!n.next_sibling()) {
      n = n.parent();
      if (n == root) {
        n = pugi::xml_node();
        break;
      }
      close_node(n, out);
    }
    if (n) n = n.next_sibling();
  }
  close_node(root, out);
}

void serialize_children(const Dom &dom, pugi::xml_node node, std::string &out) {
  for (pugi::xml_node child : node.children()) serialize_node(dom, child, out);
}

}  // namespace postparse::impl::html
