// Boilerplate by kind (bench/quality/GUIDELINES.md, "Not content"): each
// kind in several phrasings is boilerplate with its reason, and the prose
// that shares words with it stays content.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

namespace {

// The class of `line` as the one paragraph after a paragraph of article
// prose (so that it is never the post's only line): its reason, or
// "content".
std::string class_of(const std::string &line) {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  std::string html = "<p>The article's own text, long enough to be prose of its own here.</p><p>" + line + "</p>";
  postparse::Document doc = test::parse(html, &options);
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 2);
  postparse_paragraph p = test::paragraph_at(doc.get(), 1);
  return p.boilerplate ? std::string(p.reason.data, p.reason.len) : "content";
}

void check_all(const std::vector<std::string> &lines, const std::string &reason) {
  for (const std::string &line : lines) {
    INFO(line);
    CHECK(class_of(line) == reason);
  }
}

}  // namespace

TEST_CASE("copyright and reprint notices in their phrasings", "[default-profile][kinds]") {
  check_all({"All rights reserved.", "Acme Media Ltd. All Rights Reserved.", "版权所有：新华网",
             "本文版权归原作者所有，如有侵权请联系删除。", "转载请注明出处。", "如需转载请联系作者获得授权。",
             "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。", "禁止任何形式的转载",
             "This article was originally published on The Conversation.",
             "Originally published at example.com on May 3, 2021.",
             "Do not reprint without permission.", "Reprinted with permission from the author.",
             "（以上部分内容来自网络。如有侵权，请及时联系小小编辑删除。谢。）", "内容来自网络，侵删"},
            "copyright");
  check_all({"他在未经版权所有者许可的情况下上传了视频。", "该模型的价格为19,800日元。版权所有：©2017 Manjuu",
             "The band first appeared on television in 1964 and was an instant hit with the audience."},
            "content");
}

TEST_CASE("image credits and licence lines", "[default-profile][kinds]") {
  check_all({"题图：视觉中国", "题图和文图为《WHY?》剧照", "图片来源：网络", "图源：unsplash", "封面图片来自：摄图网",
             "Photo by Jane Doe on Unsplash", "Image: Getty", "Header image courtesy of NASA",
             "Michael Stifter, CC BY-ND", "CC0", "视觉中国", "摄影：Dick Thomas Johnson", "摄影师：Yang Jianzheng",
             "出镜 @Hhhhq2", "Photography: Jane Doe", "截自騰訊遊戲微博公告", "截图自官方网站", "图自华尔街日报",
             "△图源：天眼新闻", "△图源淘宝用户", "（图片来源：原论文）", "图表：张海彤", "数据来源：同花顺iFind，制图：星空数据",
             "节选自*ST聚力2020年财报"},
            "editorial:image-credit");
  check_all({"图中是一只在阳光下睡觉的猫。", "这段话节选自他在毕业典礼上的演讲。", "The photo shows the team at the launch in Berlin last spring."},
            "content");
}

TEST_CASE("lone UI labels, symbols and tip widgets", "[default-profile][kinds]") {
  check_all({"点赞", "收藏 12", "分享", "12 赞", "Share", "Copy", "复制代码", "展开全文", "Back to top"}, "ui:label");
  std::string long_rule;  // a rule drawn with 42 em dashes, longer than a lone symbol
  for (int i = 0; i < 42; ++i) long_rule += "—";
  check_all({"▼", "● ● ●", "+", "……", long_rule, "==============================", "* * *",
             "——快乐与严肃的分割线——", "---- ---------分割线-------------- ----"},
            "ui:symbol");
  check_all({"如果觉得有帮助，欢迎打赏作者", "Buy me a coffee if you liked it", "喜欢就点个赞吧"}, "promo:tip");
  check_all({"那么，对此你有什么看法吗？欢迎评论区留言！", "欢迎大家留言讨论。", "Let us know what you think in the comments.",
             "Leave a comment below!"},
            "promo:comment");
  check_all({"我们分享了这次活动的经验。", "(一)", "[{]", "我们在评论区看到了很多读者的意见，于是决定重写这一章。"},
            "content");
}

TEST_CASE("pointer lines", "[default-profile][kinds]") {
  check_all({"Read more", "Read the full story on our website", "Click here for the project page",
             "Project page: click here", "Link: the release notes", "阅读原文", "繼續閱讀", "更多详情请见官网",
             "详情：https://example.com/a", "官网：https://lafortuna.example.es/", "https://example.com/posts/12",
             "参考链接：", "詳細はInside Gamesの記事を参照してください。",
             ">> 以上为文章节选，继续阅读戳全文传送门，点赞记得点给原作者哦！ (╭￣3￣)╭♡", "手机党少年们想听歌，请使劲儿戳（这里）",
             "同类推荐：BandiZip | WinRAR | MacZip (Mac)", "相关文件下载地址"},
            "pointer");
  check_all({"在浏览器供应商发布更多信息之前，用户应该更新。", "下文会进行征稿，所以详见下文。",
             "在该网站https://gephi.org/plugins/下载插件；", "We read more than a hundred papers for this review.",
             "浙江省消费者权益保护委员会进行了比较试验，并发布了比较试验结果：http://www.gdcers.com/show-10-445-1.html"},
            "content");
}

TEST_CASE("attribution and listing furniture, placeholders", "[default-profile][kinds]") {
  check_all({"jdoe · 3 hours ago", "5分钟前", "张三，某科技公司工程师"}, "attribution");
  check_all({"标签：心理 科普", "Tags: rust, parsing", "Filed under: news",
             "@Kitaro_绮太郎 #游戏新春市集##陪你过年##碧蓝航线##cos正片#", "#rust #parsing"},
            "listing:tags");
  check_all({"#管理员模式的命令提示符里执行此命令", "#1 in the charts for three weeks running", "#include"}, "content");
  check_all({"2022-02-28", "时间：2022-02-28", "发布于 2021年7月31日", "Posted on March 3, 2021"}, "listing:date");
  check_all({"评分：", "Rating:"}, "listing:rating");
  check_all({"阅读 1.2万", "12 comments", "1,024 views", "0 saves", "496人已申请"}, "listing:count");
  check_all({"null", "undefined", "NaN", "{{ title }}", "![image](https://e.jp/a.png)", "[TOC]", "[[TOC]]"},
            "placeholder");
  check_all({"热爱写作，具有选题策划、甄选和鉴赏力，文字编辑能力扎实；", "时间：2019.05.17-05.18",
             "The meeting lasted three hours and ended with a vote."},
            "content");
}

TEST_CASE("editorial lines: sources, bylines and staff", "[default-profile][kinds]") {
  check_all({"本系列文章授权自公众号“一点儿也不宅”。", "（本文摘自《钱穆与中国文化》）", "本文来自微信公众号：阑夕"},
            "editorial:source");
  check_all({"撰文 | 二七", "撰文 | 余英时", "审校 | 石云雷", "校对：王五", "模特：@LACE-蕾龍鲤  @神马思彤",
             "coser:@Kitaro_绮太郎 摄影:@C-桃子 协力:@热带渔-", "（深圳商报驻京记者 宋华）", "（本报记者 张三 李四）"},
            "editorial:credits");
  check_all({"这条分割线以下是正文的第二部分，讲的是另一个故事。", "以上是我们对这个问题的全部看法。",
             "翻译这本书花了他整整三年的时间。"},
            "content");
}

TEST_CASE("credit rolls under a credits heading, furniture headings, a post's only line", "[extract][kinds]") {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  auto classes = [&](const std::string &html) {
    postparse::Document doc = test::parse(html, &options);
    std::vector<std::string> out;
    for (const postparse::Paragraph &p : doc.paragraphs())
      out.push_back(p.boilerplate ? std::string(p.reason) : std::string("content"));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(classes("<p>We made the trailer in six weeks, from the first board to the final grade.</p>"
                "<h3>Full credits</h3><p>Adrien Mingot, Alvaro Zabala, Andrew Averkin, Angus Dunn, Bas Hesen</p>"
                "<h3>Senior team</h3><p>Abed Abonamous: Director Caleb Bouchard: Executive Producer</p>"
                "<h3>About</h3><p>The studio works from Stirling.</p>") ==
        V{"content", "credits:roll", "credits:roll", "credits:roll", "credits:roll", "content", "content"});
  // Prose under a credits heading stays, and the heading with it.
  CHECK(classes("<h2>Credits</h2><p>Thanks to everyone who read the drafts. It took a year.</p>") ==
        V{"content", "content"});
  // A heading over only boilerplate is the furniture's title.
  CHECK(classes("<p>Body text of the article, long enough to be prose.</p><h3>Skills</h3>"
                "<p><a href=\"/a\">Direction</a> <a href=\"/b\">Animation</a></p>") ==
        V{"content", "link-density", "link-density"});
  // A post that is only a link keeps it; a lone short label does not count.
  CHECK(classes("<p>https://live.example.tv/stream/xiaomi.m3u8</p><p>+</p>") == V{"content", "ui:symbol"});
  CHECK(classes("<p>Link: 'Fake' Amazon workers defend company on Twitter</p>") == V{"content"});
}

TEST_CASE("--explain's record: every boilerplate paragraph names its rule or signal", "[extract][kinds]") {
  postparse::Document doc = test::parse(test::read_file(test::data("seed/000_1533502123a03027.txt")));
  std::size_t explained = 0;
  for (const postparse::Paragraph &p : doc.paragraphs()) {
    if (!p.boilerplate) continue;
    CHECK_FALSE(p.rule.empty());
    CHECK_FALSE(p.evidence.empty());
    ++explained;
  }
  CHECK(explained >= 2);
  std::string json = doc.to_json(POSTPARSE_JSON_EXPLAIN);
  CHECK(json.find("\"rule\":\"default/editor\",\"evidence\":\"matches /") != std::string::npos);
  CHECK(json.find("\"rule\":\"signal/marker\",\"evidence\":\"inside <div class=\\\"appendQr_normal_txt\\\">\"") !=
        std::string::npos);
  CHECK(json.find("\"rule\":null,\"evidence\":null") != std::string::npos);  // content by default
  CHECK(doc.to_json().find("\"rule\"") == std::string::npos);               // only when asked
}

TEST_CASE("patterns alone never classify code", "[default-profile][kinds]") {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  postparse::Document doc = test::parse("<p>Formats:</p><pre>2023-10-15\n</pre><p><code>**/*</code></p>"
                                        "<p><code>https://example.org/about/</code></p><pre>Source: x\n</pre>",
                                        &options);
  for (const postparse::Paragraph &p : doc.paragraphs()) {
    INFO(p.text);
    CHECK_FALSE(p.boilerplate);
  }
}

TEST_CASE("a short label in a category or tag block is listing furniture", "[extract][kinds]") {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  auto reasons = [&options](const std::string &html) {
    postparse::Document doc = test::parse(html, &options);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
      postparse_paragraph p = test::paragraph_at(doc.get(), i);
      out.push_back(p.boilerplate ? std::string(p.reason.data, p.reason.len) : "content");
    }
    return out;
  };
  using R = std::vector<std::string>;
  CHECK(reasons("<p class=\"category x25\"><span class=\"iconfont\"></span> <span>娱乐</span></p>"
                "<h2>记录式现场演出《WHY?》</h2><p>这个问题并不在于表达对舞蹈的热爱，而在于舞者自己。</p>") ==
        R{"listing:tags", "content", "content"});
  // A wrapper's class is not the label's, longer text is the post's, and a heading stays.
  CHECK(reasons("<article class=\"post category-news\"><p>短讯</p></article>") == R{"content"});
  CHECK(reasons("<p class=\"tag\">这是一段比标签长得多的文字，是正文的一部分。</p>") == R{"content"});
  CHECK(reasons("<h3 class=\"topic\">前言</h3><p>正文从这里开始，讲的是一个完整的故事。</p>") == R{"content", "content"});
}
