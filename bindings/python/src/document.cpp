// A parsed document and its DOM nodes, read through the C ABI into Python
// objects.  Every view the library lends is copied into a Python object
// before it is returned, so nothing Python holds points into a freed
// document; nodes hold the document alive themselves.
#include <pybind11/stl.h>

#include <cmath>
#include <unordered_map>
#include <vector>

#include "common.h"

namespace postparse_py {
namespace {

// datetime objects, built through the datetime module (its C API would
// need PyDateTime_IMPORT in every translation unit).
struct DateTimeApi {
  py::object datetime, date, timezone, timedelta, utc;
  DateTimeApi() {
    py::module_ dt = py::module_::import("datetime");
    datetime = dt.attr("datetime");
    date = dt.attr("date");
    timezone = dt.attr("timezone");
    timedelta = dt.attr("timedelta");
    utc = timezone.attr("utc");
  }
};

// Made when the module is imported (init_datetime_api), never on first
// use: importing `datetime` there would release the GIL inside a C++ static
// initialiser, and a second thread reaching it would wait on the static's
// guard while holding the GIL.  Never freed: lives as long as the
// interpreter uses it.
const DateTimeApi *g_datetime_api = nullptr;

const DateTimeApi &datetime_api() { return *g_datetime_api; }

// A point in time as an aware datetime in the offset it was written in
// (UTC as timezone.utc), or a date for a date-only value.
py::object time_object(const postparse_time &t) {
  const DateTimeApi &api = datetime_api();
  py::object tz = t.offset_seconds == 0 ? api.utc : api.timezone(api.timedelta(py::arg("seconds") = t.offset_seconds));
  py::object utc_instant = api.datetime.attr("fromtimestamp")(0, api.utc) +
                           api.timedelta(py::arg("seconds") = t.unix_seconds,
                                         py::arg("microseconds") = t.nanoseconds / 1000);
  py::object local = utc_instant.attr("astimezone")(tz);
  if (!t.has_time) return local.attr("date")();
  return local;
}

// The instants of a document's date fields, by value.
using DateValues = std::unordered_map<const postparse_value *, postparse_time>;

DateValues date_values(const postparse_doc *doc) {
  DateValues out;
  for (size_t i = 0; i < postparse_doc_date_count(doc); ++i) {
    postparse_date d = POSTPARSE_INIT(postparse_date);
    d.time = POSTPARSE_INIT(postparse_time);
    if (postparse_doc_date_at(doc, i, &d) == POSTPARSE_OK) out.emplace(d.value, d.time);
  }
  return out;
}

// A date field as datetime (or date); its text when datetime cannot hold it.
py::object date_object(const postparse_value *v, const postparse_time &t) {
  try {
    return time_object(t);
  } catch (py::error_already_set &) {  // outside datetime's years 1-9999
    return to_str(postparse_value_text(v));
  }
}

py::object scalar_object(const postparse_value *v) {
  switch (postparse_value_kind(v)) {
    case POSTPARSE_KIND_NULL: return py::none();
    case POSTPARSE_KIND_BOOL: {
      bool b = false;
      postparse_value_bool(v, &b);
      return py::bool_(b);
    }
    case POSTPARSE_KIND_INT: {
      int64_t i = 0;
      if (!postparse_value_is_big(v) && postparse_value_int(v, &i) == POSTPARSE_OK) return py::int_(i);
      // Beyond 64 bits: Python's int reads the digits exactly.
      postparse_str text = postparse_value_text(v);
      std::string digits(text.data ? text.data : "", text.len);
      PyObject *n = PyLong_FromString(digits.c_str(), nullptr, 0);
      if (!n) {
        PyErr_Clear();
        n = PyLong_FromString(digits.c_str(), nullptr, 10);
      }
      if (n) return py::reinterpret_steal<py::object>(n);
      PyErr_Clear();
      return to_str(text);
    }
    case POSTPARSE_KIND_FLOAT: {
      double d = 0;
      postparse_value_float(v, &d);
      return py::float_(d);
    }
    case POSTPARSE_KIND_TIMESTAMP: {  // not a date field only when it is not a valid date
      postparse_time t = POSTPARSE_INIT(postparse_time);
      if (postparse_value_time(v, &t) == POSTPARSE_OK) return date_object(v, t);
      return to_str(postparse_value_text(v));
    }
    default: return to_str(postparse_value_text(v));
  }
}

// The front matter as Python data, date fields (timestamps, and strings
// under date-named keys that read as dates) as datetime, without recursion
// on the C stack (its depth is bounded by POSTPARSE_LIMIT_DEPTH, which a
// caller may raise).
py::object value_object(const postparse_value *root, const DateValues &dates) {
  struct Frame {
    const postparse_value *value;
    py::object container;
    size_t next = 0;
  };
  auto open = [&dates](const postparse_value *v) -> py::object {
    if (auto date = dates.find(v); date != dates.end()) return date_object(v, date->second);
    postparse_kind k = postparse_value_kind(v);
    if (k == POSTPARSE_KIND_MAPPING) return py::dict();
    if (k == POSTPARSE_KIND_SEQUENCE) return py::list();
    return scalar_object(v);
  };
  py::object top = open(root);
  std::vector<Frame> stack;
  if (py::isinstance<py::dict>(top) || py::isinstance<py::list>(top)) stack.push_back({root, top});
  while (!stack.empty()) {
    Frame &f = stack.back();
    if (f.next >= postparse_value_count(f.value)) {
      stack.pop_back();
      continue;
    }
    size_t i = f.next++;
    const postparse_value *item = postparse_value_at(f.value, i);
    py::object child = open(item);
    if (postparse_value_kind(f.value) == POSTPARSE_KIND_MAPPING) {
      // Keys are strings, as the JSON output names them (a collection used
      // as a key by its text as written).
      const postparse_value *key = postparse_value_key_at(f.value, i);
      py::str k = postparse_value_count(key) == 0 ? to_str(postparse_value_text(key)) : to_str(postparse_value_raw(key));
      f.container.cast<py::dict>()[k] = child;
    } else {
      f.container.cast<py::list>().append(child);
    }
    postparse_kind ck = postparse_value_kind(item);
    if (ck == POSTPARSE_KIND_MAPPING || ck == POSTPARSE_KIND_SEQUENCE) stack.push_back({item, child});
  }
  return top;
}

py::object optional_span(postparse_status status, const postparse_span &s) {
  return status == POSTPARSE_OK ? py::object(span_tuple(s)) : py::object(py::none());
}

struct Doc;

struct Node {
  DocHandle doc;
  const postparse_node *node;

  int kind() const { return static_cast<int>(postparse_node_kind(node)); }
  py::str name() const { return to_str(postparse_node_name(node)); }
  py::str value() const { return to_str(postparse_node_value(node)); }
  int ns() const { return static_cast<int>(postparse_node_namespace(doc.get(), node)); }
  py::object span() const {
    postparse_span s{};
    return optional_span(postparse_node_span(doc.get(), node, &s), s);
  }
  py::list attributes() const {
    py::list out;
    for (size_t i = 0; i < postparse_node_attribute_count(node); ++i) {
      postparse_str name{}, value{};
      if (postparse_node_attribute_at(node, i, &name, &value) == POSTPARSE_OK)
        out.append(py::make_tuple(to_str(name), to_str(value)));
    }
    return out;
  }
  py::str html(bool outer) const {
    LibraryBuffer b;
    postparse_status status = postparse_node_to_html(doc.get(), node, outer, &b.data, &b.len);
    if (status != POSTPARSE_OK) throw std::runtime_error(status_name(status));
    return to_str(std::string_view(b.data, b.len));
  }
  py::str text() const {
    LibraryBuffer b;
    postparse_status status = postparse_node_text_content(node, &b.data, &b.len);
    if (status != POSTPARSE_OK) throw std::runtime_error(status_name(status));
    return to_str(std::string_view(b.data, b.len));
  }
  py::object related(const postparse_node *other) const {
    return other ? py::cast(Node{doc, other}) : py::object(py::none());
  }
  py::list children() const {
    py::list out;
    for (const postparse_node *c = postparse_node_first_child(node); c; c = postparse_node_next_sibling(c))
      out.append(Node{doc, c});
    return out;
  }
  bool operator==(const Node &o) const { return node == o.node; }
};

struct Doc {
  DocHandle doc;

  py::bytes source() const {
    postparse_str s = postparse_doc_source(doc.get());
    return py::bytes(s.data ? s.data : "", s.len);
  }
  int format() const { return static_cast<int>(postparse_doc_format(doc.get())); }
  py::object front_matter() const {
    const postparse_value *v = postparse_doc_front_matter(doc.get());
    return v ? value_object(v, date_values(doc.get())) : py::object(py::none());
  }
  py::object front_matter_span() const {
    postparse_span s{};
    return optional_span(postparse_doc_front_matter_span(doc.get(), &s), s);
  }
  py::bytes body() const {
    postparse_str s = postparse_doc_body(doc.get());
    return py::bytes(s.data ? s.data : "", s.len);
  }
  py::object body_span() const {
    postparse_span s{};
    return optional_span(postparse_doc_body_span(doc.get(), &s), s);
  }
  int body_format() const { return static_cast<int>(postparse_doc_body_format(doc.get())); }
  py::object excerpt_paragraphs() const {
    size_t before = 0;
    return postparse_doc_has_excerpt(doc.get(), &before) ? py::object(py::int_(before)) : py::object(py::none());
  }

  py::list diagnostics() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_diagnostic_count(doc.get()); ++i) {
      postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
      if (postparse_doc_diagnostic_at(doc.get(), i, &d) == POSTPARSE_OK)
        out.append(py::make_tuple(status_name(d.code), static_cast<int>(d.severity), static_cast<int>(d.part),
                                  to_str(d.message), d.offset, d.line, d.column));
    }
    return out;
  }
  py::list inlines(size_t paragraph, size_t count) const {
    py::list out;
    for (size_t k = 0; k < count; ++k) {
      postparse_inline in = POSTPARSE_INIT(postparse_inline);
      if (postparse_doc_inline_at(doc.get(), paragraph, k, &in) != POSTPARSE_OK) continue;
      out.append(py::make_tuple(static_cast<int>(in.kind), to_str(in.text), to_str(in.href), in.text_offset,
                                in.text_length, span_tuple(in.span)));
    }
    return out;
  }
  // (kind, level, text, boilerplate, reason, span, inline list, rule,
  // evidence) per paragraph.
  py::list paragraphs() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
      postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
      if (postparse_doc_paragraph_at(doc.get(), i, &p) != POSTPARSE_OK) continue;
      out.append(py::make_tuple(static_cast<int>(p.kind), p.level, to_str(p.text), p.boilerplate, to_str(p.reason),
                                span_tuple(p.span), inlines(i, p.inline_count), to_str(p.rule), to_str(p.evidence)));
    }
    return out;
  }
  // The texts alone, for the common loop that wants nothing else.
  py::list paragraph_texts(bool boilerplate) const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
      postparse_paragraph p = POSTPARSE_INIT(postparse_paragraph);
      if (postparse_doc_paragraph_at(doc.get(), i, &p) == POSTPARSE_OK && (boilerplate || !p.boilerplate))
        out.append(to_str(p.text));
    }
    return out;
  }
  py::list images() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_image_count(doc.get()); ++i) {
      postparse_image im = POSTPARSE_INIT(postparse_image);
      if (postparse_doc_image_at(doc.get(), i, &im) == POSTPARSE_OK)
        out.append(py::make_tuple(to_str(im.src), to_str(im.alt), to_str(im.class_name), span_tuple(im.span),
                                  im.boilerplate, to_str(im.reason)));
    }
    return out;
  }
  py::list links() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_link_count(doc.get()); ++i) {
      postparse_link l = POSTPARSE_INIT(postparse_link);
      if (postparse_doc_link_at(doc.get(), i, &l) == POSTPARSE_OK)
        out.append(py::make_tuple(to_str(l.href), to_str(l.text), span_tuple(l.span)));
    }
    return out;
  }
  py::list comments() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_comment_count(doc.get()); ++i) {
      postparse_comment c = POSTPARSE_INIT(postparse_comment);
      if (postparse_doc_comment_at(doc.get(), i, &c) == POSTPARSE_OK)
        out.append(py::make_tuple(to_str(c.text), span_tuple(c.span)));
    }
    return out;
  }
  py::list editorial() const {
    py::list out;
    for (size_t i = 0; i < postparse_doc_editorial_count(doc.get()); ++i) {
      postparse_editorial e = POSTPARSE_INIT(postparse_editorial);
      if (postparse_doc_editorial_at(doc.get(), i, &e) == POSTPARSE_OK)
        out.append(py::make_tuple(to_str(e.key), to_str(e.value), to_str(e.rule), span_tuple(e.span)));
    }
    return out;
  }

  using Render = postparse_status (*)(const postparse_doc *, unsigned, char **, size_t *);
  py::str render(Render how, unsigned flags) const {
    LibraryBuffer b;
    postparse_status status;
    {
      py::gil_scoped_release release;
      status = how(doc.get(), flags, &b.data, &b.len);
    }
    if (status != POSTPARSE_OK) throw std::runtime_error(status_name(status));
    return to_str(std::string_view(b.data, b.len));
  }

  // (status name, node list) for an XPath 1.0 expression; strings=True
  // gives the matches' string values instead of nodes.
  py::tuple select(const std::string &xpath, bool strings) const {
    postparse_node_list *raw = nullptr;
    postparse_status status;
    {
      py::gil_scoped_release release;
      status = postparse_doc_select(doc.get(), xpath.data(), xpath.size(), &raw);
    }
    py::list out;
    if (status != POSTPARSE_OK) return py::make_tuple(status_name(status), out);
    std::unique_ptr<postparse_node_list, decltype(&postparse_node_list_free)> list(raw, &postparse_node_list_free);
    for (size_t i = 0; i < postparse_node_list_count(raw); ++i) {
      if (strings) out.append(to_str(postparse_node_list_string_at(raw, i)));
      else out.append(Node{doc, postparse_node_list_at(raw, i)});
    }
    return py::make_tuple(status_name(status), out);
  }
  Node body_root() const { return Node{doc, postparse_doc_body_root(doc.get())}; }
  bool body_is_document() const { return postparse_doc_body_is_document(doc.get()); }
};

[[noreturn]] void refuse_pickle(const py::object &) {
  throw py::type_error("DOM nodes belong to their parsed document and cannot be pickled; pickle the Post");
}

}  // namespace

py::object wrap_document(DocHandle doc) { return py::cast(Doc{std::move(doc)}); }

DocHandle document_of(const py::object &doc) { return doc.cast<const Doc &>().doc; }

py::tuple parse_bytes(std::string_view data, const OptionsHandle &options) {
  postparse_doc *raw = nullptr;
  postparse_status status;
  {
    py::gil_scoped_release release;
    status = postparse_doc_parse(data.data(), data.size(), options.get(), &raw);
  }
  if (!raw) return py::make_tuple(status_name(status), py::none());
  return py::make_tuple(status_name(status), wrap_document(adopt(raw)));
}

void register_document(py::module_ &m) {
  g_datetime_api = new DateTimeApi();
  py::class_<Node>(m, "Node", "A node of a document's DOM; keeps its document alive.")
      .def_property_readonly("kind", &Node::kind)
      .def_property_readonly("name", &Node::name)
      .def_property_readonly("value", &Node::value)
      .def_property_readonly("namespace", &Node::ns)
      .def_property_readonly("span", &Node::span)
      .def("attributes", &Node::attributes)
      .def("html", &Node::html, py::arg("outer") = true)
      .def("text", &Node::text)
      .def_property_readonly("parent", [](const Node &n) { return n.related(postparse_node_parent(n.node)); })
      .def_property_readonly("next_sibling", [](const Node &n) { return n.related(postparse_node_next_sibling(n.node)); })
      .def_property_readonly("previous_sibling",
                             [](const Node &n) { return n.related(postparse_node_previous_sibling(n.node)); })
      .def("children", &Node::children)
      .def("__eq__", [](const Node &a, const py::object &b) {
        return py::isinstance<Node>(b) && a == b.cast<const Node &>();
      })
      .def("__hash__", [](const Node &n) { return std::hash<const void *>()(n.node); })
      .def("__reduce__", &refuse_pickle)
      .def("__reduce_ex__", [](const Node &, int) { refuse_pickle(py::none()); });

  py::class_<Doc>(m, "Doc", "A parsed post (immutable); safe to read from several threads.")
      .def("source", &Doc::source)
      .def_property_readonly("format", &Doc::format)
      .def("front_matter", &Doc::front_matter)
      .def("front_matter_span", &Doc::front_matter_span)
      .def("body", &Doc::body)
      .def("body_span", &Doc::body_span)
      .def_property_readonly("body_format", &Doc::body_format)
      .def("excerpt_paragraphs", &Doc::excerpt_paragraphs)
      .def("diagnostics", &Doc::diagnostics)
      .def("paragraphs", &Doc::paragraphs)
      .def("paragraph_texts", &Doc::paragraph_texts, py::arg("boilerplate") = false)
      .def("images", &Doc::images)
      .def("links", &Doc::links)
      .def("comments", &Doc::comments)
      .def("editorial", &Doc::editorial)
      .def("to_json", [](const Doc &d, unsigned flags) { return d.render(&postparse_doc_to_json, flags); },
           py::arg("flags") = 0)
      .def("to_text", [](const Doc &d, unsigned flags) { return d.render(&postparse_doc_to_text, flags); },
           py::arg("flags") = 0)
      .def("to_markdown", [](const Doc &d, unsigned flags) { return d.render(&postparse_doc_to_markdown, flags); },
           py::arg("flags") = 0)
      .def("select", &Doc::select, py::arg("xpath"), py::arg("strings") = false)
      .def("body_root", &Doc::body_root)
      .def_property_readonly("body_is_document", &Doc::body_is_document)
      .def("__reduce__", [](const Doc &) -> py::object {
        throw py::type_error("pickle the Post, not its native document");
      });

  m.def(
      "parse",
      [](const py::bytes &data, const py::object &options) {
        return parse_bytes(std::string_view(data), options_of(options));
      },
      py::arg("data"), py::arg("options") = py::none(),
      "Parses a post (GIL released): (status name, Doc or None).");
}

}  // namespace postparse_py
