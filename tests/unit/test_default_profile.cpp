// The built-in profile's rules and the generic signals, each on a minimal
// input (the cases come from the hand review of the RSSHUB-PAGE goldens).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

namespace {

struct Classified {
  std::string text, reason;
  bool boilerplate = false;
};

std::vector<Classified> classify(const std::string &html) {
  postparse::Document doc = test::parse(html);
  std::vector<Classified> out;
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
    postparse_paragraph p = test::paragraph_at(doc.get(), i);
    Classified c;
    c.boilerplate = p.boilerplate;
    c.text.assign(p.text.data, p.text.len);
    c.reason.assign(p.reason.data, p.reason.len);
    out.push_back(c);
  }
  return out;
}

std::string reason_of(const std::string &html) {
  auto all = classify(html);
  REQUIRE(all.size() == 1);
  return all[0].boilerplate ? all[0].reason : "content";
}

std::string metadata(const std::string &html, const std::string &key) {
  postparse::Document doc = test::parse(html);
  std::string values;
  for (std::size_t i = 0; i < postparse_doc_editorial_count(doc.get()); ++i) {
    postparse_editorial m = POSTPARSE_INIT(postparse_editorial);
    REQUIRE(postparse_doc_editorial_at(doc.get(), i, &m) == POSTPARSE_OK);
    if (postparse::to_view(m.key) == key) values += (values.empty() ? "" : "|") + std::string(postparse::to_view(m.value));
  }
  return values;
}

}  // namespace

TEST_CASE("reprint notices are editorial source lines with the source captured", "[default-profile]") {
  std::string wechat = "<p>本文来自微信公众号：阑夕（ID：techread），作者：阑夕</p>";
  CHECK(reason_of(wechat) == "editorial:source");
  CHECK(metadata(wechat, "source") == "阑夕（ID：techread）");
  std::string note = "<p>编者按：本文来自微信公众号“CSDN”（ID:CSDNnews），作者：郑丽媛，36氪经授权发布。</p>";
  CHECK(metadata(note, "source") == "“CSDN”（ID:CSDNnews）");
  CHECK(metadata("<p>本文转载自DataEye，内容仅代表作者观点。</p>", "source") == "DataEye");
  CHECK(reason_of("<p>原文：https://mp.weixin.qq.com/s/x</p>") == "editorial:source");
  CHECK(reason_of("<p>原文链接：<a href=\"u\">https://a.test/p</a></p>") == "editorial:source");
  CHECK(reason_of("<p>封面图片来源：摄图网</p>") == "editorial:image-credit");
  // A sentence that talks about an article is not a notice.
  CHECK(reason_of("<p>他说本文作者的观点很有意思。</p>") == "content");
}

TEST_CASE("editor, byline and original-title lines in their other forms", "[default-profile]") {
  CHECK(reason_of("<p>编辑 | 刘杨</p>") == "editorial:editor");
  CHECK(metadata("<p>每经编辑 胡玲</p>", "editor") == "胡玲");
  CHECK(metadata("<p>作者 | 陈法善</p>", "author") == "陈法善");
  CHECK(reason_of("<p>文/任佳</p>") == "editorial:credits");
  CHECK(metadata("<p>► 文 观察者网 杨蓉</p>", "author") == "观察者网 杨蓉");
  CHECK(reason_of("<p>文 件</p>") == "content");
  CHECK(reason_of("<ul><li>作者：吉塔・雅各布</li></ul>") == "content");  // a book's details
  CHECK(reason_of("<p>编辑部今天收到了很多读者来信，大家都在讨论这件事。</p>") == "content");
  CHECK(metadata("<p>原标题 “看得出这个寺庙在中国吗？”当地回应</p>", "original_title") == "“看得出这个寺庙在中国吗？”当地回应");
}

TEST_CASE("copyright, no-reprint, follow and QR calls", "[default-profile]") {
  CHECK(reason_of("<p>本文系观察者网独家稿件，未经授权，不得转载。</p>") == "copyright");
  CHECK(reason_of("<p>©2023 Pokémon.</p>") == "copyright");
  CHECK(reason_of("<p>如果觉得文章对你有点帮助，请微信搜索「 沉默王二 」第一时间阅读。</p>") == "promo:subscribe");
  CHECK(reason_of("<p>本文已收录 GitHub，传送门~ ，里面更有大厂面试完整考点，欢迎 Star。</p>") == "promo:subscribe");
  CHECK(reason_of("<p>扫描二维码报名 ↓↓</p>") == "promo:qr");
  // A copyright notice at the end of a real paragraph stays in it.
  CHECK(reason_of("<p>该模型的价格为19,800日元（含税）。版权所有：©2017 Manjuu Co.，Ltd.</p>") == "content");
}

TEST_CASE("ARIA roles of furniture mark boilerplate", "[default-profile]") {
  auto all = classify("<div role=\"tablist\"><div role=\"tab\">网盘下载</div></div><nav role=\"navigation\"><p>Home</p></nav><p>Text</p>");
  REQUIRE(all.size() == 3);
  CHECK(all[0].reason == "marker:tab");
  CHECK(all[1].reason == "marker:navigation");
  CHECK_FALSE(all[2].boilerplate);
}

TEST_CASE("link density spares headings, lead-ins, addresses and link posts", "[default-profile]") {
  auto nav = classify("<p>Body text that is long enough.</p><p><a href=\"/a\">Home</a></p>");
  REQUIRE(nav.size() == 2);
  CHECK(nav[1].reason == "link-density");
  auto kept = classify("<h1><a href=\"/j\">Jack Dongarra</a></h1><p><a href=\"/s\">Steam 平台</a>：</p>"
                       "<p>官网：<a href=\"https://a.test/\">https://a.test/</a></p><p>Body.</p>");
  REQUIRE(kept.size() == 4);
  // Link density spares all four; a label and an address alone is a
  // pointer line for the built-in profile's rule, not for link density.
  for (const Classified &c : kept) CHECK(c.reason != "link-density");
  CHECK_FALSE(kept[0].boilerplate);
  CHECK_FALSE(kept[1].boilerplate);
  CHECK(kept[2].reason == "pointer");
  CHECK_FALSE(kept[3].boilerplate);
  // A link post keeps its titled link; a lone short link is still furniture.
  CHECK(reason_of("<p>Link: <a href=\"u\">'Fake' Amazon workers defend company</a></p>") == "content");
  CHECK(reason_of("<p><a href=\"u\">Comments</a></p>") == "link-density");
}
