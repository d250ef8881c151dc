// Options and profiles: built once from the Python objects' settings, then
// shared read-only by every parse that uses them.
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <vector>

#include "common.h"

namespace postparse_py {
namespace {

using ProfileHandle = std::shared_ptr<postparse_profile>;

py::tuple diagnostic_tuple(const postparse_diagnostic &d) {
  return py::make_tuple(status_name(d.code), static_cast<int>(d.severity), static_cast<int>(d.part),
                        to_str(d.message), d.offset, d.line, d.column);
}

struct NativeProfile {
  ProfileHandle profile;

  py::str name() const { return to_str(postparse_profile_name(profile.get())); }
  size_t rule_count() const { return postparse_profile_rule_count(profile.get()); }
  py::list diagnostics() const {
    py::list out;
    for (size_t i = 0; i < postparse_profile_diagnostic_count(profile.get()); ++i) {
      postparse_diagnostic d = POSTPARSE_INIT(postparse_diagnostic);
      if (postparse_profile_diagnostic_at(profile.get(), i, &d) == POSTPARSE_OK) out.append(diagnostic_tuple(d));
    }
    return out;
  }
};

// (status name, NativeProfile or None): the profile comes back also when it
// has errors, so that the caller can show every diagnostic.
py::tuple load_profile(const py::bytes &text, size_t max_bytes) {
  std::string_view yaml = text;
  postparse_profile *raw = nullptr;
  postparse_status status;
  {
    py::gil_scoped_release release;
    status = postparse_profile_load_limited(yaml.data(), yaml.size(), max_bytes, &raw);
  }
  if (!raw) return py::make_tuple(status_name(status), py::none());
  return py::make_tuple(status_name(status), NativeProfile{ProfileHandle(raw, &postparse_profile_free)});
}

struct NativeOptions {
  OptionsHandle options;
};

void check(postparse_status status, const char *what) {
  if (status != POSTPARSE_OK) throw py::value_error(std::string(what) + ": " + status_name(status));
}

NativeOptions make_options(int yaml_schema, int duplicate_keys, std::optional<std::string> timezone,
                           bool hexo_unfenced, int body_format, int html_mode, bool html_errors, bool scripting,
                           int text_form, std::optional<std::string> source_name, bool default_profile,
                           const std::map<int, uint64_t> &limits, const std::vector<NativeProfile> &profiles) {
  postparse_options *raw = nullptr;
  check(postparse_options_new(&raw), "options");
  OptionsHandle options(raw, &postparse_options_free);
  check(postparse_options_set_yaml_schema(raw, static_cast<postparse_yaml_schema>(yaml_schema)), "yaml");
  check(postparse_options_set_duplicate_keys(raw, static_cast<postparse_duplicate_keys>(duplicate_keys)),
        "duplicate_keys");
  if (timezone) check(postparse_options_set_timezone(raw, timezone->data(), timezone->size()), "timezone");
  check(postparse_options_set_hexo_unfenced(raw, hexo_unfenced), "hexo_unfenced");
  check(postparse_options_set_body_format(raw, static_cast<postparse_body_format>(body_format)), "body_format");
  check(postparse_options_set_html_mode(raw, static_cast<postparse_html_mode>(html_mode)), "html_mode");
  check(postparse_options_set_html_errors(raw, html_errors), "html_errors");
  check(postparse_options_set_scripting(raw, scripting), "scripting");
  check(postparse_options_set_text_form(raw, static_cast<postparse_text_form>(text_form)), "text_form");
  if (source_name) check(postparse_options_set_source_name(raw, source_name->data(), source_name->size()), "source_name");
  check(postparse_options_set_default_profile(raw, default_profile), "default_profile");
  for (const auto &[limit, value] : limits)
    check(postparse_options_set_limit(raw, static_cast<postparse_limit>(limit), value), "limits");
  for (const NativeProfile &p : profiles) check(postparse_options_add_profile(raw, p.profile.get()), "profiles");
  return NativeOptions{options};
}

uint64_t limit_default(int limit) {
  postparse_options *raw = nullptr;
  check(postparse_options_new(&raw), "options");
  OptionsHandle options(raw, &postparse_options_free);
  uint64_t value = 0;
  check(postparse_options_get_limit(raw, static_cast<postparse_limit>(limit), &value), "limit");
  return value;
}

}  // namespace

OptionsHandle options_of(const py::object &native_options) {
  if (native_options.is_none()) return nullptr;
  return native_options.cast<const NativeOptions &>().options;
}

void register_options(py::module_ &m) {
  py::class_<NativeProfile>(m, "NativeProfile", "A compiled profile (immutable, shareable between threads).")
      .def_property_readonly("name", &NativeProfile::name)
      .def_property_readonly("rule_count", &NativeProfile::rule_count)
      .def("diagnostics", &NativeProfile::diagnostics);
  m.def("load_profile", &load_profile, py::arg("text"), py::arg("max_bytes"),
        "Compiles a profile: (status name, NativeProfile or None).");
  py::class_<NativeOptions>(m, "NativeOptions", "Parse options (immutable once made).");
  m.def("make_options", &make_options, py::arg("yaml_schema"), py::arg("duplicate_keys"), py::arg("timezone"),
        py::arg("hexo_unfenced"), py::arg("body_format"), py::arg("html_mode"), py::arg("html_errors"),
        py::arg("scripting"), py::arg("text_form"), py::arg("source_name"), py::arg("default_profile"),
        py::arg("limits"), py::arg("profiles"), "Builds NativeOptions; ValueError names a refused setting.");
  m.def("limit_default", &limit_default, py::arg("limit"), "The default value of a limit.");
  m.def(
      "default_profile_text",
      []() -> py::str {
        size_t len = 0;
        const char *text = postparse_default_profile_text(&len);
        return to_str(std::string_view(text, len));
      },
      "The YAML text of the built-in profile.");
}

}  // namespace postparse_py
