// Front matter blocks written afresh (for conversions): YAML with block
// collections and two-space indentation, a bare JSON object indented by two
// spaces, and TOML with [tables] where key order allows and inline tables
// elsewhere.  Key order is kept everywhere.
#include <string>

#include "edit/convert.h"
#include "edit/scalar_text.h"

namespace postparse::impl::edit {
namespace {

bool empty_collection(const Data &d) {
  return !d.is_scalar() && d.items.empty();
}

class YamlWriter {
 public:
  YamlWriter(const std::string &newline, YamlSchema schema) : newline_(newline), schema_(schema) {}

  void mapping(const Data &map, std::size_t indent) {
    for (std::size_t i = 0; i < map.items.size(); ++i) {
      out_ += std::string(indent, ' ') + key(map.keys[i].text) + ":";
      value(map.items[i], indent);
    }
  }
  std::string take() { return std::move(out_); }
  // A value after `key:` whose line is indented by `indent`.
  void value(const Data &d, std::size_t indent) {
    if (d.is_scalar()) {
      out_ += " " + scalar(d, indent) + newline_;
    } else if (empty_collection(d)) {
      out_ += d.kind == Kind::mapping ? " {}" + newline_ : " []" + newline_;
    } else if (d.kind == Kind::mapping) {
      out_ += newline_;
      mapping(d, indent + 2);
    } else {
      out_ += newline_;
      for (const Data &item : d.items) {
        out_ += std::string(indent + 2, ' ') + "-";
        value(item, indent + 2);
      }
    }
  }

 private:
  std::string key(const std::string &text) const {
    YamlSpot spot;
    spot.flow = true;
    spot.key = true;
    spot.schema = schema_;
    return yaml_scalar(string_data(text), spot);
  }
  std::string scalar(const Data &d, std::size_t indent) const {
    YamlSpot spot;
    spot.indent = indent + 2;
    spot.newline = newline_;
    spot.schema = schema_;
    return yaml_scalar(d, spot);
  }
  std::string newline_;
  YamlSchema schema_;
  std::string out_;
};

void json_value(const Data &d, std::size_t indent, const std::string &newline, std::string &out) {
  if (d.is_scalar()) {
    out += json_scalar(d);
    return;
  }
  bool map = d.kind == Kind::mapping;
  if (d.items.empty()) {
    out += map ? "{}" : "[]";
    return;
  }
  bool flat = !map;
  for (const Data &item : d.items) flat = flat && item.is_scalar();
  if (flat) {
    out += "[";
    for (std::size_t i = 0; i < d.items.size(); ++i) out += (i ? ", " : "") + json_scalar(d.items[i]);
    out += "]";
    return;
  }
  out += map ? "{" : "[";
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    out += newline + std::string(indent + 2, ' ');
    if (map) out += json_string(d.keys[i].text) + ": ";
    json_value(d.items[i], indent + 2, newline, out);
    if (i + 1 < d.items.size()) out += ",";
  }
  out += newline + std::string(indent, ' ') + (map ? "}" : "]");
}

std::string yaml_flow(const Data &d, YamlSchema schema) {
  YamlSpot spot;
  spot.flow = true;
  spot.schema = schema;
  if (d.is_scalar()) return yaml_scalar(d, spot);
  bool map = d.kind == Kind::mapping;
  std::string out = map ? "{" : "[";
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (i) out += ", ";
    if (map) {
      YamlSpot key = spot;
      key.key = true;
      out += yaml_scalar(string_data(d.keys[i].text), key) + ": ";
    }
    out += yaml_flow(d.items[i], schema);
  }
  return out + (map ? "}" : "]");
}

std::string json_inline(const Data &d) {
  if (d.is_scalar()) return json_scalar(d);
  bool map = d.kind == Kind::mapping;
  std::string out = map ? "{" : "[";
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (i) out += ", ";
    if (map) out += json_string(d.keys[i].text) + ": ";
    out += json_inline(d.items[i]);
  }
  return out + (map ? "}" : "]");
}

std::string toml_inline(const Data &d) {
  if (d.is_scalar()) return toml_scalar(d);
  if (d.kind == Kind::sequence) {
    std::string out = "[";
    for (std::size_t i = 0; i < d.items.size(); ++i) out += (i ? ", " : "") + toml_inline(d.items[i]);
    return out + "]";
  }
  if (d.items.empty()) return "{}";
  std::string out = "{ ";
  for (std::size_t i = 0; i < d.items.size(); ++i)
    out += (i ? ", " : "") + toml_key(d.keys[i].text) + " = " + toml_inline(d.items[i]);
  return out + " }";
}

// A table's own keys, then its sub-tables as [sections]: a mapping value
// is a section only when every pair after it is one too, so that reading
// the sections back gives the same key order.
void toml_table(const Data &map, const std::string &header, const std::string &newline, std::string &out) {
  std::size_t sections = map.items.size();
  while (sections > 0 && map.items[sections - 1].kind == Kind::mapping) --sections;
  for (std::size_t i = 0; i < sections; ++i)
    out += toml_key(map.keys[i].text) + " = " + toml_inline(map.items[i]) + newline;
  for (std::size_t i = sections; i < map.items.size(); ++i) {
    std::string name = (header.empty() ? "" : header + ".") + toml_key(map.keys[i].text);
    out += "[" + name + "]" + newline;
    toml_table(map.items[i], name, newline, out);
  }
}

}  // namespace

std::string yaml_nested_value(const Data &data, std::size_t indent, const std::string &newline,
                              YamlSchema schema) {
  YamlWriter writer(newline, schema);
  writer.value(data, indent);
  std::string out = writer.take();
  out.resize(out.size() - newline.size());  // the line break after it is the post's
  return out;
}

std::string yaml_flow_value(const Data &data, YamlSchema schema) {
  return yaml_flow(data, schema);
}
std::string json_inline_value(const Data &data) {
  return json_inline(data);
}
std::string toml_inline_value(const Data &data) {
  return toml_inline(data);
}

std::string write_yaml_block(const Data &data, const std::string &newline, YamlSchema schema) {
  YamlWriter writer(newline, schema);
  writer.mapping(data, 0);
  return "---" + newline + writer.take() + "---" + newline;
}

std::string write_json_block(const Data &data, const std::string &newline) {
  std::string out;
  json_value(data, 0, newline, out);
  if (data.items.empty()) out = "{" + newline + "}";
  return out + newline;
}

std::string write_toml_block(const Data &data, const std::string &newline) {
  std::string out = "+++" + newline;
  toml_table(data, "", newline, out);
  return out + "+++" + newline;
}

}  // namespace postparse::impl::edit
